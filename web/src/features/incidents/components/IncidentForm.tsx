// Record an incident: when, what kind, where (a school from the register or another institution),
// who was affected (people of the caseload, optional) and what happened.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { EnumOptions } from '@/components/ui/EnumOptions';
import { Field } from '@/components/ui/Field';
import { FormErrorSummary } from '@/components/ui/FormErrorSummary';
import { fieldErrorText } from '@/components/ui/field-error';
import type { FieldError as ServerFieldError } from '@/lib/api-error';
import { todayIso } from '@/lib/dates';
import { applyServerFieldErrors } from '@/lib/server-field-errors';
import { useCreateIncident, useSchoolChoices } from '../api/incidents';
import { DESCRIPTION_MAX, emptyIncident, incidentFormSchema, toIncidentBody, type IncidentFormValues } from '../lib/incident-form';
import { incidentTypes, type Incident } from '../types';

const fields = ['occurred_on', 'type', 'school_id', 'institution', 'description', 'person_ids'] as const;

export function IncidentForm({
  people,
  onCreated,
}: {
  /** People the incident can name (e.g. the person the form was opened from). */
  people: readonly { id: number; name: string }[];
  onCreated: (incident: Incident) => void;
}) {
  const { t } = useTranslation();
  const mutation = useCreateIncident();
  const schools = useSchoolChoices();
  const [unplaced, setUnplaced] = useState<ServerFieldError[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    watch,
    formState: { errors },
  } = useForm<IncidentFormValues>({
    resolver: zodResolver(incidentFormSchema),
    defaultValues: emptyIncident(people.map((p) => p.id)),
  });
  const where = watch('where');

  const onSubmit = handleSubmit((values) => {
    setUnplaced([]);
    mutation.mutate(toIncidentBody(values), {
      onSuccess: onCreated,
      onError: (error) => setUnplaced(applyServerFieldErrors(error, setError, fields)),
    });
  });

  return (
    <form className="form incident-form" onSubmit={onSubmit} noValidate aria-label={t('incidents.form.title')}>
      <FormErrorSummary error={mutation.error} unplaced={unplaced} />
      <div className="form__row">
        <Field label={t('incidents.field.occurredOn')} required error={fieldErrorText(errors.occurred_on, t)}>
          {(control) => <input {...control} {...register('occurred_on')} className="input" type="date" max={todayIso()} />}
        </Field>
        <Field label={t('incidents.field.type')} required error={fieldErrorText(errors.type, t)}>
          {(control) => (
            <select {...control} {...register('type')} className="input">
              <EnumOptions values={incidentTypes} prefix="incidents.type" />
            </select>
          )}
        </Field>
      </div>
      <fieldset className="fieldset">
        <legend>{t('incidents.field.where')}</legend>
        <label className="check-list__item">
          <input type="radio" value="school" {...register('where')} /> {t('incidents.field.atSchool')}
        </label>
        <label className="check-list__item">
          <input type="radio" value="institution" {...register('where')} /> {t('incidents.field.atInstitution')}
        </label>
      </fieldset>
      {where === 'school' ? (
        <Field label={t('incidents.field.school')} required error={fieldErrorText(errors.school_id, t)}>
          {(control) => (
            <select {...control} {...register('school_id')} className="input">
              <option value="">{t('incidents.form.chooseSchool')}</option>
              {(schools.data?.items ?? []).map((s) => (
                <option key={s.id} value={String(s.id)}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : (
        <Field
          label={t('incidents.field.institution')}
          hint={t('incidents.form.institutionHint')}
          required
          error={fieldErrorText(errors.institution, t)}
        >
          {(control) => <input {...control} {...register('institution')} className="input" maxLength={300} />}
        </Field>
      )}
      {people.length > 0 ? (
        <fieldset className="fieldset">
          <legend>{t('incidents.field.people')}</legend>
          <ul className="check-list">
            {people.map((p) => (
              <li key={p.id}>
                <label className="check-list__item">
                  <input type="checkbox" className="checkbox" value={String(p.id)} {...register('person_ids')} />
                  {p.name}
                </label>
              </li>
            ))}
          </ul>
          {errors.person_ids ? <p className="field__error">{fieldErrorText(errors.person_ids as never, t)}</p> : null}
        </fieldset>
      ) : null}
      <Field
        label={t('incidents.field.description')}
        hint={t('incidents.form.descriptionHint')}
        required
        error={fieldErrorText(errors.description, t)}
      >
        {(control) => (
          <textarea {...control} {...register('description')} className="input" rows={6} maxLength={DESCRIPTION_MAX} />
        )}
      </Field>
      <div className="form__actions">
        <Button type="submit" busy={mutation.isPending}>
          {t('incidents.form.submit')}
        </Button>
      </div>
    </form>
  );
}
