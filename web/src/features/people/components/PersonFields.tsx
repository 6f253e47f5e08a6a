// The fields of a person (create and edit). Rodné číslo is optional; education and labour status are
// asked of adults only (ESF+).
import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { EnumOptions } from '@/components/ui/EnumOptions';
import { Field } from '@/components/ui/Field';
import { fieldErrorText } from '@/components/ui/field-error';
import { todayIso } from '@/lib/dates';
import type { PersonFormValues } from '../lib/person-form';
import { contactLanguages, genders, labourStatuses, personRoles } from '../types';

const iscedLevels = ['0', '1', '2', '3', '4', '5', '6', '7', '8'] as const;

type PersonFieldsProps = {
  register: UseFormRegister<PersonFormValues>;
  errors: FieldErrors<PersonFormValues>;
  initial: PersonFormValues;
  role: PersonFormValues['role'];
  /** The masked rodné číslo already stored ("150101/****"), when editing. */
  storedRodneCislo?: string | null;
};

export function PersonFields({ register, errors, initial, role, storedRodneCislo }: PersonFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <div className="form__row">
        <Field label={t('people.givenNames')} required error={fieldErrorText(errors.given_names, t)}>
          {(control) => <input {...control} {...register('given_names')} className="input" autoComplete="off" />}
        </Field>
        <Field label={t('people.surname')} required error={fieldErrorText(errors.surname, t)}>
          {(control) => <input {...control} {...register('surname')} className="input" autoComplete="off" />}
        </Field>
      </div>
      <Field label={t('people.preferredName')} hint={t('people.preferredNameHint')} error={fieldErrorText(errors.preferred_name, t)}>
        {(control) => <input {...control} {...register('preferred_name')} className="input" autoComplete="off" />}
      </Field>
      <div className="form__row">
        <Field label={t('people.roleLabel')} required error={fieldErrorText(errors.role, t)}>
          {(control) => (
            <select {...control} {...register('role')} className="input" defaultValue={initial.role}>
              <EnumOptions values={personRoles} prefix="people.role" />
            </select>
          )}
        </Field>
        <Field label={t('people.genderLabel')} required error={fieldErrorText(errors.gender, t)}>
          {(control) => (
            <select {...control} {...register('gender')} className="input" defaultValue={initial.gender}>
              <EnumOptions values={genders} prefix="people.gender" />
            </select>
          )}
        </Field>
      </div>
      <div className="form__row">
        <Field label={t('people.birthDate')} required error={fieldErrorText(errors.birth_date, t)}>
          {(control) => <input {...control} {...register('birth_date')} className="input" type="date" max={todayIso()} />}
        </Field>
        <Field
          label={t('people.rodneCislo')}
          hint={storedRodneCislo ? t('people.rodneCisloKeep', { masked: storedRodneCislo }) : t('people.rodneCisloHint')}
          error={fieldErrorText(errors.rodne_cislo, t)}
        >
          {(control) => (
            <input {...control} {...register('rodne_cislo')} className="input" inputMode="numeric" autoComplete="off" placeholder={t('people.rodneCisloPlaceholder')} />
          )}
        </Field>
      </div>
      <Field label={t('people.nationality')} hint={t('people.nationalityHint')} error={fieldErrorText(errors.nationality, t)}>
        {(control) => <input {...control} {...register('nationality')} className="input input--short" maxLength={2} autoComplete="off" />}
      </Field>
      {role === 'adult' ? (
        <fieldset className="fieldset">
          <legend>{t('people.adultData')}</legend>
          <div className="form__row">
            <Field label={t('people.education')} hint={t('people.educationHint')} error={fieldErrorText(errors.education_isced, t)}>
              {(control) => (
                <select {...control} {...register('education_isced')} className="input" defaultValue={initial.education_isced}>
                  <EnumOptions values={iscedLevels} prefix="people.isced" emptyLabel={t('people.notRecorded')} />
                </select>
              )}
            </Field>
            <Field label={t('people.labourStatusLabel')} error={fieldErrorText(errors.labour_status, t)}>
              {(control) => (
                <select {...control} {...register('labour_status')} className="input" defaultValue={initial.labour_status}>
                  <EnumOptions values={labourStatuses} prefix="people.labourStatus" emptyLabel={t('people.notRecorded')} />
                </select>
              )}
            </Field>
          </div>
        </fieldset>
      ) : null}
      <fieldset className="fieldset">
        <legend>{t('people.contactTitle')}</legend>
        <Field label={t('people.phones')} hint={t('people.phonesHint')} error={fieldErrorText(errors.phones, t)}>
          {(control) => <textarea {...control} {...register('phones')} className="input" rows={2} inputMode="tel" />}
        </Field>
        <Field label={t('people.email')} error={fieldErrorText(errors.email, t)}>
          {(control) => <input {...control} {...register('email')} className="input" type="email" autoComplete="off" />}
        </Field>
        <Field label={t('people.preferredLanguage')} error={fieldErrorText(errors.preferred_language, t)}>
          {(control) => (
            <select {...control} {...register('preferred_language')} className="input" defaultValue={initial.preferred_language}>
              <EnumOptions values={contactLanguages} prefix="people.language" />
            </select>
          )}
        </Field>
        <div className="field field--checkbox">
          <input id="interpreter-needed" type="checkbox" className="checkbox" {...register('interpreter_needed')} />
          <label htmlFor="interpreter-needed" className="field__label">
            {t('people.interpreterNeeded')}
          </label>
        </div>
      </fieldset>
    </>
  );
}
