// Every contact with the school (newest first) and a form to log one (workers, coordinators, admin).
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { EnumOptions } from '@/components/ui/EnumOptions';
import { Field } from '@/components/ui/Field';
import { FormErrorSummary } from '@/components/ui/FormErrorSummary';
import { fieldErrorText } from '@/components/ui/field-error';
import type { FieldError as ServerFieldError } from '@/lib/api-error';
import { todayIso } from '@/lib/dates';
import { formatIsoDate } from '@/lib/format';
import { applyServerFieldErrors } from '@/lib/server-field-errors';
import { useLanguage } from '@/lib/use-language';
import { useAddInteraction } from '../api/school-records';
import { interactionFormSchema, TEXT_MAX, type InteractionFormValues } from '../lib/forms';
import { interactionTypes, type Interaction } from '../types';

export function InteractionsSection({ schoolId, items, mayLog }: { schoolId: number; items: readonly Interaction[]; mayLog: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <section className="section" aria-labelledby="interactions-title">
      <h2 id="interactions-title">{t('schools.interactions.title')}</h2>
      {mayLog ? <InteractionForm schoolId={schoolId} /> : null}
      {items.length === 0 ? (
        <p>{mayLog ? t('schools.interactions.emptyLogger') : t('schools.interactions.empty')}</p>
      ) : (
        <ol className="timeline" aria-label={t('schools.interactions.listLabel')}>
          {items.map((i) => (
            <li key={i.id} className="timeline__item">
              <p className="timeline__meta">
                {formatIsoDate(i.occurred_on, lang)} · {t(`schools.interactionType.${i.type}`)} · {i.worker}
              </p>
              <p className="timeline__summary pre-wrap">{i.summary}</p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

const interactionFields = ['occurred_on', 'type', 'summary'] as const;

function InteractionForm({ schoolId }: { schoolId: number }) {
  const { t } = useTranslation();
  const mutation = useAddInteraction(schoolId);
  const [unplaced, setUnplaced] = useState<ServerFieldError[]>([]);
  const [saved, setSaved] = useState(false);
  const [initial] = useState<InteractionFormValues>(() => ({ occurred_on: todayIso(), type: 'meeting', summary: '' }));
  const {
    register,
    handleSubmit,
    setError,
    resetField,
    formState: { errors },
  } = useForm<InteractionFormValues>({ resolver: zodResolver(interactionFormSchema), defaultValues: initial });
  const onSubmit = handleSubmit((v) => {
    setUnplaced([]);
    setSaved(false);
    mutation.mutate(
      { occurred_on: v.occurred_on, type: v.type, summary: v.summary.trim() },
      {
        onSuccess: () => {
          resetField('summary', { defaultValue: '' });
          setSaved(true);
        },
        onError: (error) => setUnplaced(applyServerFieldErrors(error, setError, interactionFields)),
      },
    );
  });
  return (
    <form className="form school-form" onSubmit={onSubmit} noValidate aria-labelledby="interaction-form-title">
      <h3 id="interaction-form-title">{t('schools.interactions.formTitle')}</h3>
      {saved ? <Alert tone="success" title={t('schools.interactions.saved')} /> : null}
      <FormErrorSummary error={mutation.error} unplaced={unplaced} />
      <div className="form__row">
        <Field label={t('schools.interactions.date')} required error={fieldErrorText(errors.occurred_on, t)}>
          {(control) => <input {...control} {...register('occurred_on')} className="input" type="date" max={todayIso()} />}
        </Field>
        <Field label={t('schools.interactions.type')} required error={fieldErrorText(errors.type, t)}>
          {(control) => (
            <select {...control} {...register('type')} className="input" defaultValue={initial.type}>
              <EnumOptions values={interactionTypes} prefix="schools.interactionType" />
            </select>
          )}
        </Field>
      </div>
      <Field label={t('schools.interactions.summary')} required hint={t('schools.interactions.summaryHint')} error={fieldErrorText(errors.summary, t)}>
        {(control) => <textarea {...control} {...register('summary')} className="input" rows={3} maxLength={TEXT_MAX} />}
      </Field>
      <div className="form__actions">
        <Button type="submit" busy={mutation.isPending}>
          {t('schools.interactions.submit')}
        </Button>
      </div>
    </form>
  );
}
