// What was done about an incident: complaints (ČŠI, ombudsman, founder), appeals, with deadlines
// (an appeal's is computed from the delivery date) and outcomes.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { EnumOptions } from '@/components/ui/EnumOptions';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Field } from '@/components/ui/Field';
import { FormErrorSummary } from '@/components/ui/FormErrorSummary';
import { fieldErrorText } from '@/components/ui/field-error';
import { isApiError, type FieldError as ServerFieldError } from '@/lib/api-error';
import { formatDate } from '@/lib/format';
import { applyServerFieldErrors } from '@/lib/server-field-errors';
import { useLanguage } from '@/lib/use-language';
import { useAddAction, useUpdateAction, type ActionBody } from '../api/incidents';
import { actionTypes, type Incident, type IncidentAction } from '../types';

const actionFormSchema = z.object({
  type: z.enum(actionTypes),
  taken_on: z.string(),
  deadline: z.string(),
  delivered_on: z.string(),
  note: z.string().max(4000, 'validation.tooLong'),
});
type ActionFormValues = z.infer<typeof actionFormSchema>;
const fields = ['type', 'taken_on', 'deadline', 'delivered_on', 'note'] as const;

export function ActionsPanel({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <section className="panel" aria-labelledby="actions-title">
      <h2 id="actions-title">{t('incidents.actions.title')}</h2>
      {incident.actions.length === 0 ? <p>{t('incidents.actions.none')}</p> : null}
      <ul className="action-list">
        {incident.actions.map((a) => (
          <li key={a.id} className={a.overdue ? 'action-list__item action-list__item--overdue' : 'action-list__item'}>
            <strong>{t(`incidents.actionType.${a.type}`)}</strong>
            {a.taken_on ? ` · ${t('incidents.actions.takenOn', { date: formatDate(a.taken_on, lang) })}` : null}
            {a.deadline ? ` · ${t('incidents.actions.deadline', { date: formatDate(a.deadline, lang) })}` : null}
            {a.overdue ? <span className="badge badge--warning"> {t('incidents.actions.overdue')}</span> : null}
            {a.note ? <p className="pre-line">{a.note}</p> : null}
            {a.outcome ? (
              <p>
                {t('incidents.actions.outcome')}: {a.outcome}
                {a.outcome_on ? ` (${formatDate(a.outcome_on, lang)})` : null}
              </p>
            ) : (
              <OutcomeForm incidentId={incident.id} action={a} />
            )}
          </li>
        ))}
      </ul>
      <AddActionForm incidentId={incident.id} />
    </section>
  );
}

function AddActionForm({ incidentId }: { incidentId: number }) {
  const { t } = useTranslation();
  const mutation = useAddAction(incidentId);
  const [unplaced, setUnplaced] = useState<ServerFieldError[]>([]);
  const [saved, setSaved] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    watch,
    formState: { errors },
  } = useForm<ActionFormValues>({
    resolver: zodResolver(actionFormSchema),
    defaultValues: { type: 'complaint_csi', taken_on: '', deadline: '', delivered_on: '', note: '' },
  });
  const type = watch('type');
  const onSubmit = handleSubmit((v) => {
    setUnplaced([]);
    setSaved(false);
    const body: ActionBody = { type: v.type, taken_on: v.taken_on || null, deadline: v.deadline || null, note: v.note || null };
    if (v.type === 'appeal' && v.delivered_on && !v.deadline) body.delivered_on = v.delivered_on;
    mutation.mutate(body, {
      onSuccess: () => {
        reset();
        setSaved(true);
      },
      onError: (error) => setUnplaced(applyServerFieldErrors(error, setError, fields)),
    });
  });
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={t('incidents.actions.add')}>
      <h3>{t('incidents.actions.add')}</h3>
      {saved ? <Alert tone="success" title={t('incidents.actions.saved')} /> : null}
      <FormErrorSummary error={mutation.error} unplaced={unplaced} />
      <div className="form__row">
        <Field label={t('incidents.actions.type')} required error={fieldErrorText(errors.type, t)}>
          {(control) => (
            <select {...control} {...register('type')} className="input">
              <EnumOptions values={actionTypes} prefix="incidents.actionType" />
            </select>
          )}
        </Field>
        <Field label={t('incidents.actions.takenOnLabel')} error={fieldErrorText(errors.taken_on, t)}>
          {(control) => <input {...control} {...register('taken_on')} className="input" type="date" />}
        </Field>
      </div>
      <div className="form__row">
        {type === 'appeal' ? (
          <Field
            label={t('incidents.actions.deliveredOn')}
            hint={t('incidents.actions.deliveredOnHint')}
            error={fieldErrorText(errors.delivered_on, t)}
          >
            {(control) => <input {...control} {...register('delivered_on')} className="input" type="date" />}
          </Field>
        ) : null}
        <Field label={t('incidents.actions.deadlineLabel')} error={fieldErrorText(errors.deadline, t)}>
          {(control) => <input {...control} {...register('deadline')} className="input" type="date" />}
        </Field>
      </div>
      <Field label={t('incidents.actions.note')} error={fieldErrorText(errors.note, t)}>
        {(control) => <textarea {...control} {...register('note')} className="input" rows={3} maxLength={4000} />}
      </Field>
      <div className="form__actions">
        <Button type="submit" busy={mutation.isPending}>
          {t('incidents.actions.submit')}
        </Button>
      </div>
    </form>
  );
}

function OutcomeForm({ incidentId, action }: { incidentId: number; action: IncidentAction }) {
  const { t } = useTranslation();
  const mutation = useUpdateAction(incidentId);
  const [outcome, setOutcome] = useState('');
  const [on, setOn] = useState('');
  const conflict = isApiError(mutation.error) && mutation.error.code === 'conflict';
  return (
    <form
      className="form form--inline"
      noValidate
      aria-label={t('incidents.actions.recordOutcome')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!outcome.trim()) return;
        mutation.mutate({ actionId: action.id, patch: { version: action.version, outcome: outcome.trim(), outcome_on: on || null } });
      }}
    >
      {conflict ? <Alert tone="warning" title={t('incidents.conflict')} /> : null}
      {mutation.error && !conflict ? <ErrorAlert error={mutation.error} /> : null}
      <Field label={t('incidents.actions.outcome')}>
        {(control) => <input {...control} className="input" value={outcome} onChange={(e) => setOutcome(e.target.value)} />}
      </Field>
      <Field label={t('incidents.actions.outcomeOn')}>
        {(control) => <input {...control} className="input" type="date" value={on} onChange={(e) => setOn(e.target.value)} />}
      </Field>
      <Button type="submit" variant="secondary" busy={mutation.isPending}>
        {t('incidents.actions.recordOutcome')}
      </Button>
    </form>
  );
}
