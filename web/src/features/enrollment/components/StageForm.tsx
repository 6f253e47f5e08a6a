// Record a stage of the pathway: the stage, its date and the fields that stage needs. The server's
// field errors (a decision dated before the application, a missing prerequisite…) appear at the
// field; a stale version says someone else saved first and offers to reload; a late appeal is
// recorded and its warning shown with the deadline.
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
import { isApiError, type FieldError as ServerFieldError } from '@/lib/api-error';
import { todayIso } from '@/lib/dates';
import { applyServerFieldErrors } from '@/lib/server-field-errors';
import { stageFormSchema, toStageBody, useRecordStage, type StageFormValues } from '../api/record-stage';
import { nextStage } from '../lib/labels';
import {
  appealOutcomes,
  applicationChannels,
  decisions,
  deliveryMethods,
  enrollmentStages,
  type EnrollmentCase,
  type StageRecorded,
} from '../types';

const fields = [
  'stage',
  'date',
  'note',
  'number',
  'channel',
  'decision',
  'method',
  'collected_date',
  'outcome',
  'outcome_date',
  'attending',
] as const;

type StageFormProps = {
  enrollment: EnrollmentCase;
  onReload: () => void;
  /** Called after a save; the page shows the result, since a new version remounts this form. */
  onRecorded: (result: StageRecorded) => void;
};

export function StageForm({ enrollment, onReload, onRecorded }: StageFormProps) {
  const { t } = useTranslation();
  const mutation = useRecordStage(enrollment.id);
  const [unplaced, setUnplaced] = useState<ServerFieldError[]>([]);
  const initialStage = nextStage(enrollment.stage, enrollment.decision.decision);
  const {
    register,
    handleSubmit,
    setError,
    watch,
    formState: { errors },
  } = useForm<StageFormValues>({
    resolver: zodResolver(stageFormSchema),
    defaultValues: {
      stage: initialStage,
      date: todayIso(),
      note: '',
      number: '',
      channel: '',
      decision: '',
      method: '',
      collected_date: '',
      outcome: '',
      outcome_date: '',
      attending: '',
    },
  });
  const stage = watch('stage');
  const conflict = isApiError(mutation.error) && mutation.error.code === 'conflict';

  const onSubmit = handleSubmit((values) => {
    setUnplaced([]);
    mutation.mutate(toStageBody(values, enrollment.version), {
      onSuccess: (result) => onRecorded(result),
      onError: (error) => setUnplaced(applyServerFieldErrors(error, setError, fields)),
    });
  });

  const err = (name: (typeof fields)[number]) => fieldErrorText(errors[name], t);
  return (
    <form className="form form--medium" onSubmit={onSubmit} noValidate aria-labelledby="stage-form-title">
      <h2 id="stage-form-title">{t('enrollment.form.title')}</h2>
      {conflict ? (
        <Alert tone="warning" title={t('enrollment.form.conflictTitle')}>
          <p>{t('enrollment.form.conflictBody')}</p>
          <Button variant="secondary" onClick={onReload}>
            {t('enrollment.form.reload')}
          </Button>
        </Alert>
      ) : (
        <FormErrorSummary error={mutation.error} unplaced={unplaced} />
      )}
      <div className="form__row">
        <Field label={t('enrollment.form.stage')} required error={err('stage')}>
          {(control) => (
            <select {...control} {...register('stage')} className="input" defaultValue={initialStage}>
              <EnumOptions values={enrollmentStages} prefix="enrollment.stage" />
            </select>
          )}
        </Field>
        <Field label={t('enrollment.form.date')} required hint={t(`enrollment.form.dateHint.${stage}`)} error={err('date')}>
          {(control) => <input {...control} {...register('date')} className="input" type="date" />}
        </Field>
      </div>
      {stage === 'application_filed' ? (
        <div className="form__row">
          <Field label={t('enrollment.form.number')} error={err('number')}>
            {(control) => <input {...control} {...register('number')} className="input" maxLength={100} />}
          </Field>
          <Field label={t('enrollment.form.channel')} error={err('channel')}>
            {(control) => (
              <select {...control} {...register('channel')} className="input">
                <EnumOptions values={applicationChannels} prefix="enrollment.channel" emptyLabel="—" />
              </select>
            )}
          </Field>
        </div>
      ) : null}
      {stage === 'decision' ? (
        <Field label={t('enrollment.form.decision')} required error={err('decision')}>
          {(control) => (
            <select {...control} {...register('decision')} className="input">
              <EnumOptions values={decisions} prefix="enrollment.decision" emptyLabel="—" />
            </select>
          )}
        </Field>
      ) : null}
      {stage === 'delivery' ? (
        <div className="form__row">
          <Field label={t('enrollment.form.method')} required error={err('method')}>
            {(control) => (
              <select {...control} {...register('method')} className="input">
                <EnumOptions values={deliveryMethods} prefix="enrollment.method" emptyLabel="—" />
              </select>
            )}
          </Field>
          <Field label={t('enrollment.form.collectedDate')} hint={t('enrollment.form.collectedHint')} error={err('collected_date')}>
            {(control) => <input {...control} {...register('collected_date')} className="input" type="date" />}
          </Field>
        </div>
      ) : null}
      {stage === 'appeal' ? (
        <div className="form__row">
          <Field label={t('enrollment.form.outcome')} error={err('outcome')}>
            {(control) => (
              <select {...control} {...register('outcome')} className="input">
                <EnumOptions values={appealOutcomes} prefix="enrollment.outcome" emptyLabel="—" />
              </select>
            )}
          </Field>
          <Field label={t('enrollment.form.outcomeDate')} error={err('outcome_date')}>
            {(control) => <input {...control} {...register('outcome_date')} className="input" type="date" />}
          </Field>
        </div>
      ) : null}
      {stage === 'attending_3_months' || stage === 'attending_12_months' ? (
        <Field label={t('enrollment.form.attending')} required error={err('attending')}>
          {(control) => (
            <select {...control} {...register('attending')} className="input">
              <option value="">—</option>
              <option value="yes">{t('enrollment.form.yes')}</option>
              <option value="no">{t('enrollment.form.no')}</option>
            </select>
          )}
        </Field>
      ) : null}
      <Field label={t('enrollment.form.note')} error={err('note')}>
        {(control) => <textarea {...control} {...register('note')} className="input" rows={3} />}
      </Field>
      <div className="form__actions">
        <Button type="submit" busy={mutation.isPending}>
          {t('enrollment.form.submit')}
        </Button>
      </div>
    </form>
  );
}
