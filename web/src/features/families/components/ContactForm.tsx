// "Add contact note": date (today unless changed), kind of contact, what happened, whom it concerned.
// After saving, the summary is cleared and the rest stays for the next note.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { EnumOptions } from '@/components/ui/EnumOptions';
import { Field } from '@/components/ui/Field';
import { FormErrorSummary } from '@/components/ui/FormErrorSummary';
import { fieldErrorText } from '@/components/ui/field-error';
import { todayIso } from '@/lib/dates';
import type { FieldError as ServerFieldError } from '@/lib/api-error';
import { applyServerFieldErrors } from '@/lib/server-field-errors';
import { personName, type PersonSummary } from '@/features/people/types';
import { contactFormSchema, SUMMARY_MAX, toContactBody, useCreateContact, type ContactFormValues } from '../api/create-contact';
import { contactTypes } from '../types';

const fields = ['date', 'type', 'summary', 'person_ids'] as const;

export function ContactForm({ familyId, members }: { familyId: number; members: readonly PersonSummary[] }) {
  const { t } = useTranslation();
  const mutation = useCreateContact(familyId);
  const [unplaced, setUnplaced] = useState<ServerFieldError[]>([]);
  const [saved, setSaved] = useState(false);
  const [initial] = useState<ContactFormValues>(() => ({ date: todayIso(), type: 'home_visit', summary: '', person_ids: [] }));
  const {
    register,
    handleSubmit,
    setError,
    resetField,
    formState: { errors },
  } = useForm<ContactFormValues>({ resolver: zodResolver(contactFormSchema), defaultValues: initial });

  const onSubmit = handleSubmit((values) => {
    setUnplaced([]);
    setSaved(false);
    mutation.mutate(toContactBody(values), {
      onSuccess: () => {
        resetField('summary', { defaultValue: '' });
        setSaved(true);
      },
      onError: (error) => setUnplaced(applyServerFieldErrors(error, setError, fields)),
    });
  });

  return (
    <form className="form contact-form" onSubmit={onSubmit} noValidate aria-labelledby="contact-form-title">
      <h3 id="contact-form-title">{t('families.contact.formTitle')}</h3>
      {saved ? <Alert tone="success" title={t('families.contact.saved')} /> : null}
      <FormErrorSummary error={mutation.error} unplaced={unplaced} />
      <div className="form__row">
        <Field label={t('families.contact.date')} required error={fieldErrorText(errors.date, t)}>
          {(control) => <input {...control} {...register('date')} className="input" type="date" max={todayIso()} />}
        </Field>
        <Field label={t('families.contact.type')} required error={fieldErrorText(errors.type, t)}>
          {(control) => (
            <select {...control} {...register('type')} className="input" defaultValue={initial.type}>
              <EnumOptions values={contactTypes} prefix="families.contactType" />
            </select>
          )}
        </Field>
      </div>
      <Field
        label={t('families.contact.summary')}
        required
        hint={t('families.contact.summaryHint', { max: SUMMARY_MAX })}
        error={fieldErrorText(errors.summary, t)}
      >
        {(control) => <textarea {...control} {...register('summary')} className="input" rows={4} maxLength={SUMMARY_MAX} />}
      </Field>
      {members.length > 0 ? (
        <fieldset className="fieldset">
          <legend>{t('families.contact.people')}</legend>
          <ul className="check-list">
            {members.map((m) => (
              <li key={m.id}>
                <label className="check-list__item">
                  <input type="checkbox" className="checkbox" value={String(m.id)} {...register('person_ids')} />
                  {personName(m)}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ) : null}
      <div className="form__actions">
        <Button type="submit" busy={mutation.isPending}>
          {t('families.contact.submit')}
        </Button>
      </div>
    </form>
  );
}
