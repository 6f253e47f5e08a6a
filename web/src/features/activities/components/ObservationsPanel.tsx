// Observations: recent notes and quotes, and a short form with the quote flag. A quote is publishable
// only with the speaker's publication consent — the server checks it and says so at the field.
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
import { fieldErrorText } from '@/components/ui/field-error';
import { todayIso } from '@/lib/dates';
import type { FieldError as ServerFieldError } from '@/lib/api-error';
import { formatDate } from '@/lib/format';
import { applyServerFieldErrors } from '@/lib/server-field-errors';
import { useLanguage } from '@/lib/use-language';
import { useCreateObservation, useObservations } from '../api/observations';
import { speakerRoles } from '../types';
import { ObservationEditForm } from './ObservationEditForm';

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
