// Observations: recent notes and quotes, and a short form with the quote flag. A quote is publishable
// only with the speaker's publication consent — the server checks it and says so at the field.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { FormErrorSummary } from '@/components/ui/FormErrorSummary';
import { todayIso } from '@/lib/dates';
import type { FieldError as ServerFieldError } from '@/lib/api-error';
import { formatDate } from '@/lib/format';
import { applyServerFieldErrors } from '@/lib/server-field-errors';
import { useLanguage } from '@/lib/use-language';
import { useCreateObservation, useObservations } from '../api/observations';
import { ObservationEditForm } from './ObservationEditForm';
import { ObservationFields, observationFormFields, observationFormSchema, type ObservationFormValues } from './ObservationFields';

const schema = observationFormSchema;
type Values = ObservationFormValues;
const fields = observationFormFields;

export function ObservationsPanel() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const list = useObservations();
  const create = useCreateObservation();
  const [unplaced, setUnplaced] = useState<ServerFieldError[]>([]);
  const [editing, setEditing] = useState<number | null>(null);
  const { register, handleSubmit, setError, reset, watch, formState: { errors } } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { date: todayIso(), text: '', tags: '', is_quote: false, speaker_role: 'team_member', publishable: false },
  });
  const isQuote = watch('is_quote');
  const onSubmit = handleSubmit((v) => {
    setUnplaced([]);
    create.mutate(
      {
        date: v.date,
        text: v.text,
        tags: v.tags.split(',').map((s) => s.trim()).filter(Boolean),
        is_quote: v.is_quote,
        ...(v.is_quote ? { speaker_role: v.speaker_role } : {}),
        publishable: v.publishable,
      },
      {
        onSuccess: () => reset({ ...v, text: '', tags: '' }),
        onError: (error) => setUnplaced(applyServerFieldErrors(error, setError, fields)),
      },
    );
  });
  return (
    <section aria-labelledby="observations-title">
      <h2 id="observations-title">{t('activities.observations.title')}</h2>
      <form className="form" onSubmit={onSubmit} noValidate aria-label={t('activities.observations.form')}>
        <FormErrorSummary error={create.error} unplaced={unplaced} />
        <ObservationFields register={register} errors={errors} isQuote={isQuote} />
        <div className="form__actions">
          <Button type="submit" busy={create.isPending}>
            {t('activities.observations.submit')}
          </Button>
        </div>
      </form>
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.isSuccess ? (
        <ul className="observation-list">
          {list.data.items.map((o) => (
            <li key={o.id}>
              {editing === o.id ? (
                <ObservationEditForm observation={o} onDone={() => setEditing(null)} />
              ) : (
                <>
                  <strong>{formatDate(o.date, lang)}</strong>{' '}
                  {o.is_quote ? <q>{o.text}</q> : o.text}
                  {o.is_quote && o.speaker_role ? ` — ${t(`activities.speaker.${o.speaker_role}`)}` : null}
                  {o.publishable ? ` (${t('activities.observations.public')})` : null}{' '}
                  <Button variant="ghost" onClick={() => setEditing(o.id)}>
                    {t('activities.observations.edit', { date: formatDate(o.date, lang) })}
                  </Button>
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
