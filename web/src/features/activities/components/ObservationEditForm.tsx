// Change an observation (date, text, tags, quote flag, speaker, publication) with its version; on a
// stale edit (409) both versions are shown and the worker chooses. Field errors land at their fields.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { Button } from '@/components/ui/Button';
import { EnumOptions } from '@/components/ui/EnumOptions';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Field } from '@/components/ui/Field';
import { FormErrorSummary } from '@/components/ui/FormErrorSummary';
import { VersionConflict, type ConflictRow } from '@/components/ui/VersionConflict';
import { fieldErrorText } from '@/components/ui/field-error';
import { isApiError, type FieldError as ServerFieldError } from '@/lib/api-error';
import { todayIso } from '@/lib/dates';
import { formatDate } from '@/lib/format';
import { applyServerFieldErrors } from '@/lib/server-field-errors';
import { useLanguage } from '@/lib/use-language';
import { useUpdateObservation } from '../api/observations';
import { observationSchema, speakerRoles, type Observation } from '../types';

const schema = z.object({
  date: z.string().min(1, 'validation.required'),
  text: z.string().min(1, 'validation.required').max(4000),
  tags: z.string(),
  is_quote: z.boolean(),
  speaker_role: z.string(),
  publishable: z.boolean(),
});
type Values = z.infer<typeof schema>;
const fields = ['date', 'text', 'tags', 'speaker_role', 'publishable'] as const;

function valuesOf(o: Observation): Values {
  return {
    date: o.date,
    text: o.text,
    tags: o.tags.join(', '),
    is_quote: o.is_quote,
    speaker_role: o.speaker_role ?? 'team_member',
    publishable: o.publishable,
  };
}

export function ObservationEditForm({ observation, onDone }: { observation: Observation; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const update = useUpdateObservation(observation.id);
  const [base, setBase] = useState(observation);
  const [conflict, setConflict] = useState<Observation | null>(null);
  const [unplaced, setUnplaced] = useState<ServerFieldError[]>([]);
  const { register, handleSubmit, setError, reset, getValues, watch, formState: { errors } } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: valuesOf(observation),
  });
  const isQuote = watch('is_quote');
  const send = (against: Observation, v: Values) => {
    setUnplaced([]);
    update.mutate(
      {
        version: against.version,
        date: v.date,
        text: v.text,
        tags: v.tags.split(',').map((s) => s.trim()).filter(Boolean),
        is_quote: v.is_quote,
        ...(v.is_quote ? { speaker_role: v.speaker_role } : {}),
        publishable: v.publishable,
      },
      {
        onSuccess: () => onDone(),
        onError: (error) => {
          if (isApiError(error) && error.code === 'conflict') {
            setConflict(error.detail('current', observationSchema) ?? null);
            return;
          }
          setUnplaced(applyServerFieldErrors(error, setError, fields));
        },
      },
    );
  };
  const yes = (b: boolean) => (b ? t('activities.observations.yes') : t('activities.observations.no'));
  const rows = (mine: Values, theirs: Observation): ConflictRow[] => {
    const th = valuesOf(theirs);
    return [
      { label: t('activities.observations.date'), mine: formatDate(mine.date, lang), theirs: formatDate(th.date, lang) },
      { label: t('activities.observations.text'), mine: mine.text, theirs: th.text },
      { label: t('activities.observations.tags'), mine: mine.tags, theirs: th.tags },
      { label: t('activities.observations.isQuote'), mine: yes(mine.is_quote), theirs: yes(th.is_quote) },
      { label: t('activities.observations.publishable'), mine: yes(mine.publishable), theirs: yes(th.publishable) },
    ];
  };
  const error = update.error;
  const isConflict = isApiError(error) && error.code === 'conflict';
  return (
    <form className="form" onSubmit={handleSubmit((v) => send(base, v))} noValidate aria-label={t('activities.observations.editTitle')}>
      {update.isError && isConflict ? (
        <ErrorAlert error={error} title={t('activities.observations.conflictTitle')}>
          <p>{t('conflict.body')}</p>
          {conflict ? (
            <VersionConflict
              rows={rows(getValues(), conflict)}
              busy={update.isPending}
              onKeepMine={() => {
                setBase(conflict);
                send(conflict, getValues());
              }}
              onTakeTheirs={() => {
                setBase(conflict);
                reset(valuesOf(conflict));
                setConflict(null);
                update.reset();
              }}
            />
          ) : (
            <p>{t('conflict.reload')}</p>
          )}
        </ErrorAlert>
      ) : null}
      {update.isError && !isConflict ? <FormErrorSummary error={error} unplaced={unplaced} /> : null}
      <Field label={t('activities.observations.date')} required error={fieldErrorText(errors.date, t)}>
        {(c) => <input {...c} {...register('date')} className="input" type="date" max={todayIso()} />}
      </Field>
      <Field label={t('activities.observations.text')} required error={fieldErrorText(errors.text, t)}>
        {(c) => <textarea {...c} {...register('text')} className="input" rows={3} maxLength={4000} />}
      </Field>
      <Field label={t('activities.observations.tags')} hint={t('activities.observations.tagsHint')} error={fieldErrorText(errors.tags, t)}>
        {(c) => <input {...c} {...register('tags')} className="input" />}
      </Field>
      <label className="check-list__item">
        <input type="checkbox" className="checkbox" {...register('is_quote')} /> {t('activities.observations.isQuote')}
      </label>
      {isQuote ? (
        <>
          <Field label={t('activities.observations.speaker')} error={fieldErrorText(errors.speaker_role, t)}>
            {(c) => (
              <select {...c} {...register('speaker_role')} className="input">
                <EnumOptions values={speakerRoles} prefix="activities.speaker" />
              </select>
            )}
          </Field>
        </>
      ) : null}
      <Field label={t('activities.observations.publishable')} error={fieldErrorText(errors.publishable, t)}>
        {(c) => <input {...c} type="checkbox" className="checkbox" {...register('publishable')} />}
      </Field>
      <div className="form__actions">
        <Button type="submit" busy={update.isPending && !conflict}>
          {t('common.save')}
        </Button>
        <Button variant="secondary" onClick={onDone} disabled={update.isPending}>
          {t('activities.edit.cancel')}
        </Button>
      </div>
    </form>
  );
}
