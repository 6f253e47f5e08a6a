// Record a consent: purpose (school for sharing with a school), who gave it (a child's consent comes from
// a legal representative), when, in what form, until when.
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
import { consentFormFields, consentFormSchema, toConsentBody, useCreateConsent, type ConsentFormValues } from '../api/consents';
import { consentForms, consentGivers, consentPurposes, type Person } from '../types';

export function ConsentForm({ person, onDone }: { person: Person; onDone: (saved: boolean) => void }) {
  const { t } = useTranslation();
  const mutation = useCreateConsent(person.id);
  const [unplaced, setUnplaced] = useState<ServerFieldError[]>([]);
  const representatives = person.relationships.filter((r) => r.legal_representative);
  const [initial] = useState<ConsentFormValues>(() => ({
    purpose: 'casework',
    school: '',
    given_by: person.role === 'child' ? 'legal_representative' : 'self',
    representative_id: representatives.length === 1 && representatives[0] ? String(representatives[0].other_person_id) : '',
    given_on: todayIso(),
    form: 'signed_paper',
    expires_on: '',
  }));
  const {
    register,
    handleSubmit,
    setError,
    watch,
    formState: { errors },
  } = useForm<ConsentFormValues>({ resolver: zodResolver(consentFormSchema), defaultValues: initial });
  const purpose = watch('purpose');
  const givenBy = watch('given_by');

  const onSubmit = handleSubmit((values) => {
    setUnplaced([]);
    mutation.mutate(toConsentBody(values), {
      onSuccess: () => onDone(true),
      onError: (error) => setUnplaced(applyServerFieldErrors(error, setError, consentFormFields)),
    });
  });

  return (
    <form className="form subform" onSubmit={onSubmit} noValidate aria-label={t('people.consent.formTitle')}>
      <FormErrorSummary error={mutation.error} unplaced={unplaced} />
      <Field label={t('people.consent.purposeLabel')} required error={fieldErrorText(errors.purpose, t)}>
        {(control) => (
          <select {...control} {...register('purpose')} className="input" defaultValue={initial.purpose}>
            <EnumOptions values={consentPurposes} prefix="people.consent.purpose" />
          </select>
        )}
      </Field>
      {purpose === 'school_sharing' ? (
        <Field label={t('people.consent.school')} required hint={t('people.consent.schoolHint')} error={fieldErrorText(errors.school, t)}>
          {(control) => <input {...control} {...register('school')} className="input" />}
        </Field>
      ) : null}
      <Field
        label={t('people.consent.givenByLabel')}
        hint={person.role === 'child' ? t('people.consent.childHint') : undefined}
        error={fieldErrorText(errors.given_by, t)}
      >
        {(control) => (
          <select {...control} {...register('given_by')} className="input" defaultValue={initial.given_by}>
            <EnumOptions values={consentGivers} prefix="people.consent.givenBy" />
          </select>
        )}
      </Field>
      {givenBy === 'legal_representative' ? (
        <Field
          label={t('people.consent.representative')}
          required
          hint={representatives.length === 0 ? t('people.consent.noRepresentative') : undefined}
          error={fieldErrorText(errors.representative_id, t)}
        >
          {(control) => (
            <select {...control} {...register('representative_id')} className="input" defaultValue={initial.representative_id}>
              <option value="">{t('people.consent.chooseRepresentative')}</option>
              {representatives.map((r) => (
                <option key={r.id} value={String(r.other_person_id)}>
                  {r.other_name} ({t(`people.relationship.type.${r.type}`)})
                </option>
              ))}
            </select>
          )}
        </Field>
      ) : null}
      <div className="form__row">
        <Field label={t('people.consent.givenOn')} required error={fieldErrorText(errors.given_on, t)}>
          {(control) => <input {...control} {...register('given_on')} className="input" type="date" max={todayIso()} />}
        </Field>
        <Field label={t('people.consent.expiresOn')} hint={t('people.consent.expiresHint')} error={fieldErrorText(errors.expires_on, t)}>
          {(control) => <input {...control} {...register('expires_on')} className="input" type="date" />}
        </Field>
      </div>
      <Field label={t('people.consent.formLabel')} error={fieldErrorText(errors.form, t)}>
        {(control) => (
          <select {...control} {...register('form')} className="input" defaultValue={initial.form}>
            <EnumOptions values={consentForms} prefix="people.consent.form" />
          </select>
        )}
      </Field>
      <div className="form__actions">
        <Button type="submit" busy={mutation.isPending}>
          {t('people.consent.submit')}
        </Button>
        <Button variant="ghost" onClick={() => onDone(false)}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
