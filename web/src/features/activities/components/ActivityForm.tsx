// New or changed activity: type, date, times, place, topics, notes and participants (found by name in
// the registry). Server field errors land at their fields (participant errors "participant_ids[2]" at
// the person). An edit sends the version it started from; on a stale edit (409) both versions are shown
// and the worker chooses.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import { Button } from '@/components/ui/Button';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Field } from '@/components/ui/Field';
import { Loading } from '@/components/ui/Loading';
import { FormErrorSummary } from '@/components/ui/FormErrorSummary';
import { VersionConflict, type ConflictRow } from '@/components/ui/VersionConflict';
import { fieldErrorText } from '@/components/ui/field-error';
import { isApiError, type FieldError as ServerFieldError } from '@/lib/api-error';
import { todayIso } from '@/lib/dates';
import { formatDate } from '@/lib/format';
import { applyServerFieldErrors } from '@/lib/server-field-errors';
import { useLanguage } from '@/lib/use-language';
import { useQuery } from '@tanstack/react-query';
import { meQueryOptions } from '@/features/auth/api/get-me';
import { useActivityTypes, useColleagues, useCreateActivity, useTopics, useUpdateActivity, type ActivityBody } from '../api/activities';
import { activitySchema, localName, personLabel, type Activity, type ActivityPerson } from '../types';
import { PersonPicker } from './PersonPicker';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'activities.validation.time');
export const activityFormSchema = z
  .object({
    type: z.string().min(1, 'validation.required'),
    date: z.string().min(1, 'validation.required'),
    start: time,
    end: time,
    place: z.string().max(200, 'validation.tooLong'),
    notes: z.string().max(4000, 'validation.tooLong'),
    topics: z.array(z.string()),
  })
  .refine((v) => v.end > v.start, { path: ['end'], message: 'activities.validation.endAfterStart' });
export type ActivityFormValues = z.infer<typeof activityFormSchema>;
const fields = ['type', 'date', 'start', 'end', 'place', 'notes', 'topics'] as const;

function valuesOf(a: Activity): ActivityFormValues {
  return { type: a.type, date: a.date, start: a.start, end: a.end, place: a.place ?? '', notes: a.notes ?? '', topics: a.topics };
}

/** Errors of single participants, by index: "participant_ids[2]" → 2. */
export function indexedErrors(error: unknown, name: string): Map<number, string> {
  const out = new Map<number, string>();
  if (!isApiError(error)) return out;
  const re = new RegExp(`^${name}\\[(\\d+)\\]$`);
  for (const f of error.fields) {
    const m = re.exec(f.field);
    if (m) out.set(Number(m[1]), f.message);
  }
  return out;
}

export function ActivityForm({ activity, onSaved }: { activity?: Activity; onSaved?: (a: Activity) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const types = useActivityTypes();
  const topics = useTopics();
  const create = useCreateActivity();
  const update = useUpdateActivity(activity?.id ?? 0);
  const mutation = activity ? update : create;
  const [base, setBase] = useState<Activity | undefined>(activity);
  const [conflict, setConflict] = useState<Activity | null>(null);
  const [unplaced, setUnplaced] = useState<ServerFieldError[]>([]);
  const [chosen, setChosen] = useState<ActivityPerson[]>(activity?.participants ?? []);
  const [sentChosen, setSentChosen] = useState<ActivityPerson[]>(chosen);
  const colleagues = useColleagues();
  const me = useQuery(meQueryOptions);
  // The workers: the record's, or for a new activity the logged-in user until someone else is chosen.
  const [pickedWorkers, setPickedWorkers] = useState<number[] | null>(activity?.worker_ids ?? null);
  const workers = pickedWorkers ?? (me.data ? [me.data.id] : []);
  const [workersMissing, setWorkersMissing] = useState(false);
  const toggleWorker = (id: number) => {
    setWorkersMissing(false);
    setPickedWorkers(workers.includes(id) ? workers.filter((w) => w !== id) : [...workers, id]);
  };
  const workerName = (id: number) => colleagues.data?.find((c) => c.id === id)?.username ?? `#${id}`;
  const { register, handleSubmit, setError, reset, getValues, formState: { errors } } = useForm<ActivityFormValues>({
    resolver: zodResolver(activityFormSchema),
    defaultValues: activity
      ? valuesOf(activity)
      : { type: 'child_group', date: todayIso(), start: '16:00', end: '17:30', place: '', notes: '', topics: [] },
  });

  const bodyOf = (v: ActivityFormValues, people: ActivityPerson[]): ActivityBody => ({
    ...v,
    place: v.place || null,
    notes: v.notes || null,
    participant_ids: people.map((p) => p.id),
    ...(workers.length > 0 ? { worker_ids: workers } : {}),
  });

  const onError = (error: Error) => {
    if (isApiError(error) && error.code === 'conflict') {
      setConflict(error.detail('current', activitySchema) ?? null);
      return;
    }
    const own = applyServerFieldErrors(error, setError, fields);
    setUnplaced(own.filter((f) => !/^(participant|worker)_ids\[\d+\]$/.test(f.field)));
  };

  const save = (against: Activity | undefined, v: ActivityFormValues) => {
    setUnplaced([]);
    setSentChosen(chosen);
    if (against) {
      update.mutate(
        { ...bodyOf(v, chosen), version: against.version },
        {
          onSuccess: (a) => {
            setConflict(null);
            if (onSaved) onSaved(a);
            else void navigate(`/activities/${a.id}`);
          },
          onError,
        },
      );
    } else {
      create.mutate(bodyOf(v, chosen), { onSuccess: (a) => void navigate(`/activities/${a.id}`), onError });
    }
  };
  const onSubmit = handleSubmit((v) => {
    if (workers.length === 0) {
      setWorkersMissing(true);
      return;
    }
    save(base, v);
  });

  const typeName = (code: string) => {
    const ty = types.data?.items.find((x) => x.code === code);
    return ty ? localName(ty, lang) : code;
  };
  const topicNames = (codes: string[]) =>
    codes.map((c) => {
      const tp = topics.data?.items.find((x) => x.code === c);
      return tp ? localName(tp, lang) : c;
    }).join(', ');
  const conflictRows = (mine: ActivityFormValues, theirs: Activity): ConflictRow[] => [
    { label: t('activities.fields.type'), mine: typeName(mine.type), theirs: typeName(theirs.type) },
    { label: t('activities.fields.date'), mine: formatDate(mine.date, lang), theirs: formatDate(theirs.date, lang) },
    { label: t('activities.fields.time'), mine: `${mine.start}–${mine.end}`, theirs: `${theirs.start}–${theirs.end}` },
    { label: t('activities.fields.place'), mine: mine.place, theirs: theirs.place ?? '' },
    { label: t('activities.fields.topics'), mine: topicNames(mine.topics), theirs: topicNames(theirs.topics) },
    { label: t('activities.fields.notes'), mine: mine.notes, theirs: theirs.notes ?? '' },
    {
      label: t('activities.fields.workers'),
      mine: workers.map(workerName).join(', '),
      theirs: theirs.worker_ids.map(workerName).join(', '),
    },
    {
      label: t('activities.fields.participants'),
      mine: chosen.map(personLabel).join(', '),
      theirs: theirs.participants.map(personLabel).join(', '),
    },
  ];

  const error = mutation.error;
  const isConflict = isApiError(error) && error.code === 'conflict';
  const participantErrors = indexedErrors(error, 'participant_ids');
  const workerErrors = [...indexedErrors(error, 'worker_ids').values()];
  // The selects and checkboxes take their values when they mount: wait for the catalogues, or an
  // edit would show (and save) the first type instead of the record's.
  if (types.isPending || topics.isPending) return <Loading />;
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={activity ? t('activities.edit.title') : t('activities.create.title')}>
      {mutation.isError && isConflict ? (
        <ErrorAlert error={error} title={t('activities.edit.conflictTitle')}>
          <p>{t('conflict.body')}</p>
          {conflict ? (
            <VersionConflict
              rows={conflictRows(getValues(), conflict)}
              busy={mutation.isPending}
              onKeepMine={() => {
                setBase(conflict);
                save(conflict, getValues());
              }}
              onTakeTheirs={() => {
                setBase(conflict);
                reset(valuesOf(conflict));
                setChosen(conflict.participants);
                setPickedWorkers(conflict.worker_ids);
                setConflict(null);
                mutation.reset();
              }}
            />
          ) : (
            <p>{t('conflict.reload')}</p>
          )}
        </ErrorAlert>
      ) : null}
      {mutation.isError && !isConflict ? <FormErrorSummary error={error} unplaced={unplaced} /> : null}
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
      <Field label={t('activities.fields.notes')} error={fieldErrorText(errors.notes, t)}>
        {(c) => <textarea {...c} {...register('notes')} className="input" rows={3} maxLength={4000} />}
      </Field>
      <fieldset className="fieldset" aria-describedby={workersMissing || workerErrors.length > 0 ? 'activity-workers-error' : undefined}>
        <legend>{t('activities.fields.workers')}</legend>
        {colleagues.isError ? <ErrorAlert error={colleagues.error} /> : null}
        <ul className="check-list">
          {(colleagues.data ?? []).map((c) => (
            <li key={c.id}>
              <label className="check-list__item">
                <input type="checkbox" className="checkbox" checked={workers.includes(c.id)} onChange={() => toggleWorker(c.id)} />
                {c.username}
                {c.team ? <span className="muted"> · {c.team}</span> : null}
              </label>
            </li>
          ))}
        </ul>
        {workersMissing || workerErrors.length > 0 ? (
          <p className="field__error" id="activity-workers-error">
            {workersMissing ? t('activities.validation.workerRequired') : workerErrors.join(' ')}
          </p>
        ) : null}
      </fieldset>
      <PersonPicker
        legend={t('activities.fields.participants')}
        chosen={chosen}
        onChange={setChosen}
        errorAt={(i) => {
          // The server's index is into the list that was sent; the error follows that person.
          const sent = sentChosen.findIndex((s) => s.id === chosen[i]?.id);
          return sent >= 0 ? participantErrors.get(sent) : undefined;
        }}
      />
      {activity ? <p className="field__hint">{t('activities.edit.removedLoseAttendance')}</p> : null}
      <div className="form__actions">
        <Button type="submit" busy={mutation.isPending && !conflict}>
          {activity ? t('common.save') : t('activities.create.submit')}
        </Button>
      </div>
    </form>
  );
}
