// A group ("Tuesday pre-school club"): name, activity type, weekly schedule (weekday, start and end),
// place, valid from / to, topics; on creation also its first members. An edit sends its version; on a
// stale edit (409) both versions are shown and the worker chooses.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
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
import { useActivityTypes, useTopics } from '../api/activities';
import { useSaveGroup, type GroupBody } from '../api/groups';
import { groupSchema, localName, weekdays, type ActivityPerson, type Group } from '../types';
import { indexedErrors } from './ActivityForm';
import { PersonPicker } from './PersonPicker';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'activities.validation.time');
const schema = z
  .object({
    name: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
    type: z.string().min(1, 'validation.required'),
    weekday: z.string().regex(/^[1-7]$/, 'validation.required'),
    start: time,
    end: time,
    place: z.string().max(200, 'validation.tooLong'),
    valid_from: z.string().min(1, 'validation.required'),
    valid_to: z.string(),
    topics: z.array(z.string()),
  })
  .refine((v) => v.end > v.start, { path: ['end'], message: 'activities.validation.endAfterStart' })
  .refine((v) => v.valid_to === '' || v.valid_to >= v.valid_from, { path: ['valid_to'], message: 'activities.validation.toAfterFrom' });
type Values = z.infer<typeof schema>;
const fields = ['name', 'type', 'weekday', 'start', 'end', 'place', 'valid_from', 'valid_to', 'topics'] as const;

function valuesOf(g: Group): Values {
  return {
    name: g.name,
    type: g.type,
    weekday: String(g.weekday),
    start: g.start,
    end: g.end,
    place: g.place ?? '',
    valid_from: g.valid_from,
    valid_to: g.valid_to ?? '',
    topics: g.topics,
  };
}

export function GroupForm({ group, onSaved }: { group?: Group; onSaved: (g: Group) => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const types = useActivityTypes();
  const topics = useTopics();
  const save = useSaveGroup(group?.id ?? null);
  const [base, setBase] = useState<Group | undefined>(group);
  const [conflict, setConflict] = useState<Group | null>(null);
  const [unplaced, setUnplaced] = useState<ServerFieldError[]>([]);
  const [members, setMembers] = useState<ActivityPerson[]>([]);
  const { register, handleSubmit, setError, reset, getValues, formState: { errors } } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: group
      ? valuesOf(group)
      : { name: '', type: 'child_group', weekday: '2', start: '16:00', end: '17:30', place: '', valid_from: todayIso(), valid_to: '', topics: [] },
  });

  const bodyOf = (v: Values): GroupBody => ({
    name: v.name.trim(),
    type: v.type,
    weekday: Number(v.weekday),
    start: v.start,
    end: v.end,
    place: v.place || null,
    valid_from: v.valid_from,
    valid_to: v.valid_to || null,
    topics: v.topics,
    ...(group ? {} : { member_ids: members.map((m) => m.id) }),
  });
  const send = (against: Group | undefined, v: Values) => {
    setUnplaced([]);
    save.mutate(against ? { ...bodyOf(v), version: against.version } : bodyOf(v), {
      onSuccess: (g) => {
        setConflict(null);
        onSaved(g);
      },
      onError: (error) => {
        if (isApiError(error) && error.code === 'conflict') {
          setConflict(error.detail('current', groupSchema) ?? null);
          return;
        }
        setUnplaced(applyServerFieldErrors(error, setError, fields).filter((f) => !/^member_ids\[\d+\]$/.test(f.field)));
      },
    });
  };
  const onSubmit = handleSubmit((v) => send(base, v));

  const typeName = (code: string) => {
    const ty = types.data?.items.find((x) => x.code === code);
    return ty ? localName(ty, lang) : code;
  };
  const conflictRows = (mine: Values, theirs: Group): ConflictRow[] => {
    const th = valuesOf(theirs);
    const day = (d: string) => t(`activities.weekday.${d}`);
    return [
      { label: t('activities.groups.name'), mine: mine.name, theirs: th.name },
      { label: t('activities.fields.type'), mine: typeName(mine.type), theirs: typeName(th.type) },
      { label: t('activities.groups.schedule'), mine: `${day(mine.weekday)} ${mine.start}–${mine.end}`, theirs: `${day(th.weekday)} ${th.start}–${th.end}` },
      { label: t('activities.fields.place'), mine: mine.place, theirs: th.place },
      { label: t('activities.groups.validFrom'), mine: formatDate(mine.valid_from, lang), theirs: formatDate(th.valid_from, lang) },
      { label: t('activities.groups.validTo'), mine: mine.valid_to ? formatDate(mine.valid_to, lang) : '', theirs: th.valid_to ? formatDate(th.valid_to, lang) : '' },
    ];
  };
  const error = save.error;
  const isConflict = isApiError(error) && error.code === 'conflict';
  const memberErrors = indexedErrors(error, 'member_ids');
  // The selects and checkboxes take their values when they mount: wait for the catalogues, or an
  // edit would show (and save) the first type instead of the record's.
  if (types.isPending || topics.isPending) return <Loading />;
  return (
    <form className="form" onSubmit={onSubmit} noValidate aria-label={group ? t('activities.groups.editTitle') : t('activities.groups.createTitle')}>
      {save.isError && isConflict ? (
        <ErrorAlert error={error} title={t('activities.groups.conflictTitle')}>
          <p>{t('conflict.body')}</p>
          {conflict ? (
            <VersionConflict
              rows={conflictRows(getValues(), conflict)}
              busy={save.isPending}
              onKeepMine={() => {
                setBase(conflict);
                send(conflict, getValues());
              }}
              onTakeTheirs={() => {
                setBase(conflict);
                reset(valuesOf(conflict));
                setConflict(null);
                save.reset();
              }}
            />
          ) : (
            <p>{t('conflict.reload')}</p>
          )}
        </ErrorAlert>
      ) : null}
      {save.isError && !isConflict ? <FormErrorSummary error={error} unplaced={unplaced} /> : null}
      <Field label={t('activities.groups.name')} hint={t('activities.groups.nameHint')} required error={fieldErrorText(errors.name, t)}>
        {(c) => <input {...c} {...register('name')} className="input" maxLength={200} />}
      </Field>
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
      <fieldset className="fieldset">
        <legend>{t('activities.groups.schedule')}</legend>
        <div className="form__row">
          <Field label={t('activities.groups.weekday')} required error={fieldErrorText(errors.weekday, t)}>
            {(c) => (
              <select {...c} {...register('weekday')} className="input">
                {weekdays.map((d) => (
                  <option key={d} value={String(d)}>
                    {t(`activities.weekday.${d}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('activities.fields.start')} required error={fieldErrorText(errors.start, t)}>
            {(c) => <input {...c} {...register('start')} className="input" type="time" />}
          </Field>
          <Field label={t('activities.fields.end')} required error={fieldErrorText(errors.end, t)}>
            {(c) => <input {...c} {...register('end')} className="input" type="time" />}
          </Field>
        </div>
        <div className="form__row">
          <Field label={t('activities.groups.validFrom')} required error={fieldErrorText(errors.valid_from, t)}>
            {(c) => <input {...c} {...register('valid_from')} className="input" type="date" />}
          </Field>
          <Field label={t('activities.groups.validTo')} hint={t('activities.groups.validToHint')} error={fieldErrorText(errors.valid_to, t)}>
            {(c) => <input {...c} {...register('valid_to')} className="input" type="date" />}
          </Field>
        </div>
      </fieldset>
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
      </fieldset>
      {group ? null : (
        <PersonPicker legend={t('activities.groups.members')} chosen={members} onChange={setMembers} errorAt={(i) => memberErrors.get(i)} />
      )}
      <div className="form__actions">
        <Button type="submit" busy={save.isPending && !conflict}>
          {group ? t('common.save') : t('activities.groups.createSubmit')}
        </Button>
      </div>
    </form>
  );
}
