// Change an observation (date, text, tags, quote flag, speaker, publication) with its version; on a
// stale edit (409) both versions are shown and the worker chooses. Field errors land at their fields.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { FormErrorSummary } from '@/components/ui/FormErrorSummary';
import { VersionConflict, type ConflictRow } from '@/components/ui/VersionConflict';
import { isApiError, type FieldError as ServerFieldError } from '@/lib/api-error';
import { formatDate } from '@/lib/format';
import { applyServerFieldErrors } from '@/lib/server-field-errors';
import { useLanguage } from '@/lib/use-language';
import { useUpdateObservation } from '../api/observations';
import { ObservationFields, observationFormFields, observationFormSchema, type ObservationFormValues } from './ObservationFields';
import { observationSchema, type Observation } from '../types';

const schema = observationFormSchema;
type Values = ObservationFormValues;
const fields = observationFormFields;

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
      <ObservationFields register={register} errors={errors} isQuote={isQuote} />
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
