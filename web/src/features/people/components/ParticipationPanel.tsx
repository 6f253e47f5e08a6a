// ESF+ participation: entry and exit dates with the entry data funders ask for (yes / no / not stated).
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { EnumOptions } from '@/components/ui/EnumOptions';
import { Field } from '@/components/ui/Field';
import { FormErrorSummary } from '@/components/ui/FormErrorSummary';
import { fieldErrorText } from '@/components/ui/field-error';
import { isApiError, type FieldError as ServerFieldError } from '@/lib/api-error';
import { formatIsoDate } from '@/lib/format';
import { applyServerFieldErrors } from '@/lib/server-field-errors';
import { useLanguage } from '@/lib/use-language';
import {
  participationFormFields,
  participationFormSchema,
  participationValues,
  toParticipationBody,
  useSaveParticipation,
  type ParticipationFormValues,
} from '../api/participation';
import { participationFlags, yesNoNotStated, type Participation, type Person } from '../types';

export function ParticipationPanel({ person }: { person: Person }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  // null: closed; 'new': entry form; a number: editing that participation.
  const [editing, setEditing] = useState<'new' | number | null>(null);
  const open = person.participation.some((p) => p.exit_date === null);
  return (
    <section className="panel" aria-labelledby={`participation-${person.id}`}>
      <h3 id={`participation-${person.id}`}>{t('people.participation.title')}</h3>
      <p className="small muted">{t('people.participation.lead')}</p>
      {person.participation.length === 0 ? <p className="muted">{t('people.participation.none')}</p> : null}
      <ul className="plain-list record-list">
        {person.participation.map((p) => (
          <li key={p.id} className="record">
            <p className="record__title">
              <strong>
                {t('people.participation.period', {
                  entry: formatIsoDate(p.entry_date, lang),
                  exit: p.exit_date ? formatIsoDate(p.exit_date, lang) : t('people.participation.ongoing'),
                })}
              </strong>
            </p>
            {p.exit_reason ? <p className="small">{t('people.participation.exitReasonText', { reason: p.exit_reason })}</p> : null}
            <dl className="facts facts--inline small">
              {participationFlags.map((flag) => (
                <div key={flag}>
                  <dt>{t(`people.participation.flag.${flag}`)}</dt>
                  <dd>{t(`people.yesNo.${p[flag]}`)}</dd>
                </div>
              ))}
            </dl>
            {editing === p.id ? (
              <ParticipationForm personId={person.id} participation={p} onDone={() => setEditing(null)} />
            ) : (
              <Button variant="secondary" className="btn--small" onClick={() => setEditing(p.id)}>
                {p.exit_date ? t('people.participation.edit') : t('people.participation.recordExit')}
              </Button>
            )}
          </li>
        ))}
      </ul>
      {editing === 'new' ? (
        <ParticipationForm personId={person.id} participation={null} onDone={() => setEditing(null)} />
      ) : !open ? (
        <Button variant="secondary" onClick={() => setEditing('new')}>
          {t('people.participation.add')}
        </Button>
      ) : null}
    </section>
  );
}

type ParticipationFormProps = { personId: number; participation: Participation | null; onDone: () => void };

function ParticipationForm({ personId, participation, onDone }: ParticipationFormProps) {
  const { t } = useTranslation();
  const mutation = useSaveParticipation(personId);
  const [unplaced, setUnplaced] = useState<ServerFieldError[]>([]);
  const [initial] = useState(() => participationValues(participation));
  const {
    register,
    handleSubmit,
    setError,
    watch,
    formState: { errors },
  } = useForm<ParticipationFormValues>({ resolver: zodResolver(participationFormSchema), defaultValues: initial });
  const exitDate = watch('exit_date');
  const onSubmit = handleSubmit((v) => {
    setUnplaced([]);
    mutation.mutate(
      { id: participation?.id ?? null, version: participation?.version ?? null, body: toParticipationBody(v) },
      { onSuccess: onDone, onError: (error) => setUnplaced(applyServerFieldErrors(error, setError, participationFormFields)) },
    );
  });
  const stale = isApiError(mutation.error) && mutation.error.code === 'conflict';
  return (
    <form className="form subform" onSubmit={onSubmit} noValidate aria-label={t('people.participation.formTitle')}>
      {stale ? (
        <FormErrorSummary error={mutation.error} unplaced={[{ field: t('conflict.field'), message: t('people.participation.stale') }]} />
      ) : (
        <FormErrorSummary error={mutation.error} unplaced={unplaced} />
      )}
      <div className="form__row">
        <Field label={t('people.participation.entryDate')} required error={fieldErrorText(errors.entry_date, t)}>
          {(control) => <input {...control} {...register('entry_date')} className="input" type="date" />}
        </Field>
        <Field label={t('people.participation.exitDate')} hint={t('people.participation.exitHint')} error={fieldErrorText(errors.exit_date, t)}>
          {(control) => <input {...control} {...register('exit_date')} className="input" type="date" />}
        </Field>
      </div>
      {exitDate !== '' ? (
        <Field label={t('people.participation.exitReason')} required error={fieldErrorText(errors.exit_reason, t)}>
          {(control) => <input {...control} {...register('exit_reason')} className="input" />}
        </Field>
      ) : null}
      <fieldset className="fieldset">
        <legend>{t('people.participation.entryData')}</legend>
        <div className="form__row form__row--wrap">
          {participationFlags.map((flag) => (
            <Field key={flag} label={t(`people.participation.flag.${flag}`)} error={fieldErrorText(errors[flag], t)}>
              {(control) => (
                <select {...control} {...register(flag)} className="input" defaultValue={initial[flag]}>
                  <EnumOptions values={yesNoNotStated} prefix="people.yesNo" />
                </select>
              )}
            </Field>
          ))}
        </div>
      </fieldset>
      <div className="form__actions">
        <Button type="submit" busy={mutation.isPending}>
          {participation ? t('common.save') : t('people.participation.submit')}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
