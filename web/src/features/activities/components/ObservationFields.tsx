// The fields of an observation, shared by the new-observation form and the edit form: date, text, tags,
// the quote flag with the speaker's role, and publication (a quote needs the speaker's consent, a note
// must have no person linked — the server checks both and answers at the field).
import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { EnumOptions } from '@/components/ui/EnumOptions';
import { Field } from '@/components/ui/Field';
import { fieldErrorText } from '@/components/ui/field-error';
import { todayIso } from '@/lib/dates';
import { speakerRoles } from '../types';

export const observationFormSchema = z.object({
  date: z.string().min(1, 'validation.required'),
  text: z.string().min(1, 'validation.required').max(4000),
  tags: z.string(),
  is_quote: z.boolean(),
  speaker_role: z.string(),
  publishable: z.boolean(),
});
export type ObservationFormValues = z.infer<typeof observationFormSchema>;
/** The fields a server error can land at. */
export const observationFormFields = ['date', 'text', 'tags', 'speaker_role', 'publishable'] as const;

export function ObservationFields({
  register,
  errors,
  isQuote,
}: {
  register: UseFormRegister<ObservationFormValues>;
  errors: FieldErrors<ObservationFormValues>;
  isQuote: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
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
        <Field label={t('activities.observations.speaker')} error={fieldErrorText(errors.speaker_role, t)}>
          {(c) => (
            <select {...c} {...register('speaker_role')} className="input">
              <EnumOptions values={speakerRoles} prefix="activities.speaker" />
            </select>
          )}
        </Field>
      ) : null}
      <Field label={t('activities.observations.publishable')} error={fieldErrorText(errors.publishable, t)}>
        {(c) => <input {...c} type="checkbox" className="checkbox" {...register('publishable')} />}
      </Field>
    </>
  );
}
