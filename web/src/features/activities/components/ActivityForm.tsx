// New activity: type, date, times, place, topics and participants (found by name in the registry).
// Server field errors land at their fields; participant errors ("participant_ids[2]") are listed.
import { zodResolver } from '@hookform/resolvers/zod';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { FormErrorSummary } from '@/components/ui/FormErrorSummary';
import { fieldErrorText } from '@/components/ui/field-error';
import { apiRequest } from '@/lib/api-client';
import type { FieldError as ServerFieldError } from '@/lib/api-error';
import { todayIso } from '@/lib/dates';
import { applyServerFieldErrors } from '@/lib/server-field-errors';
import { useLanguage } from '@/lib/use-language';
import { useActivityTypes, useCreateActivity, useTopics } from '../api/activities';
import { activityPersonSchema, localName, personLabel, type ActivityPerson } from '../types';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'activities.validation.time');
export const activityFormSchema = z
  .object({
    type: z.string().min(1, 'validation.required'),
    date: z.string().min(1, 'validation.required'),
    start: time,
    end: time,
    place: z.string().max(200, 'validation.tooLong'),
    topics: z.array(z.string()),
  })
  .refine((v) => v.end > v.start, { path: ['end'], message: 'activities.validation.endAfterStart' });
export type ActivityFormValues = z.infer<typeof activityFormSchema>;
const fields = ['type', 'date', 'start', 'end', 'place', 'topics'] as const;

function usePeopleSearch(q: string) {
  return useQuery({
    queryKey: ['activities', 'people-search', q],
    queryFn: ({ signal }) =>
      apiRequest('/people', z.object({ items: z.array(activityPersonSchema.passthrough()) }), {
        query: { q, page_size: 10 },
        signal,
      }),
    enabled: q.trim().length >= 2,
  });
}

export function ActivityForm() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const types = useActivityTypes();
  const topics = useTopics();
  const create = useCreateActivity();
  const [unplaced, setUnplaced] = useState<ServerFieldError[]>([]);
  const [q, setQ] = useState('');
  const [chosen, setChosen] = useState<ActivityPerson[]>([]);
  const search = usePeopleSearch(q);
  const { register, handleSubmit, setError, formState: { errors } } = useForm<ActivityFormValues>({
    resolver: zodResolver(activityFormSchema),
    defaultValues: { type: 'child_group', date: todayIso(), start: '16:00', end: '17:30', place: '', topics: [] },
  });
  const onSubmit = handleSubmit((v) => {
    setUnplaced([]);
    create.mutate(
      { ...v, place: v.place || null, participant_ids: chosen.map((p) => p.id) },
      {
        onSuccess: (a) => void navigate(`/activities/${a.id}`),
        onError: (error) => setUnplaced(applyServerFieldErrors(error, setError, fields)),
      },
    );
  });
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={t('activities.create.title')}>
      <FormErrorSummary error={create.error} unplaced={unplaced} />
      <Field label={t('activities.fields.type')} required error={fieldErrorText(errors.type, t)}>
        {(c) => (
          <select {...c} {...register('type')} className="input">
            {(types.data?.items ?? []).map((ty) => (
              <option key={ty.code} value={ty.code}>
                {localName(ty, lang)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="form__row">
        <Field label={t('activities.fields.date')} required error={fieldErrorText(errors.date, t)}>
          {(c) => <input {...c} {...register('date')} className="input" type="date" />}
        </Field>
        <Field label={t('activities.fields.start')} required error={fieldErrorText(errors.start, t)}>
          {(c) => <input {...c} {...register('start')} className="input" type="time" />}
        </Field>
        <Field label={t('activities.fields.end')} required error={fieldErrorText(errors.end, t)}>
          {(c) => <input {...c} {...register('end')} className="input" type="time" />}
        </Field>
      </div>
      <Field label={t('activities.fields.place')} error={fieldErrorText(errors.place, t)}>
        {(c) => <input {...c} {...register('place')} className="input" maxLength={200} />}
      </Field>
      <fieldset className="fieldset">
        <legend>{t('activities.fields.topics')}</legend>
        <ul className="check-list">
          {(topics.data?.items ?? []).map((tp) => (
            <li key={tp.code}>
              <label className="check-list__item">
                <input type="checkbox" className="checkbox" value={tp.code} {...register('topics')} />
                {localName(tp, lang)}
              </label>
            </li>
          ))}
        </ul>
        {errors.topics ? <p className="field__error">{fieldErrorText(errors.topics as never, t)}</p> : null}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('activities.fields.participants')}</legend>
        <ul className="chosen-list">
          {chosen.map((p) => (
            <li key={p.id}>
              {personLabel(p)}{' '}
              <Button variant="ghost" onClick={() => setChosen(chosen.filter((c) => c.id !== p.id))}>
                {t('activities.create.remove', { name: personLabel(p) })}
              </Button>
            </li>
          ))}
        </ul>
        <Field label={t('activities.create.findPerson')}>
          {(c) => <input {...c} className="input" value={q} onChange={(e) => setQ(e.target.value)} type="search" />}
        </Field>
        <ul className="search-results">
          {(search.data?.items ?? [])
            .filter((p) => !chosen.some((c) => c.id === p.id))
            .map((p) => (
              <li key={p.id}>
                <Button variant="secondary" onClick={() => setChosen([...chosen, p])}>
                  {t('activities.create.add', { name: personLabel(p) })}
                </Button>
              </li>
            ))}
        </ul>
      </fieldset>
      <div className="form__actions">
        <Button type="submit" busy={create.isPending}>
          {t('activities.create.submit')}
        </Button>
      </div>
    </form>
  );
}
