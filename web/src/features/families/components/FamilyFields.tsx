// The fields of a family (create and edit): name, team, keyworker, status (+ reason when closed), address.
import type { FieldErrors, UseFormRegister } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { EnumOptions } from '@/components/ui/EnumOptions';
import { Field } from '@/components/ui/Field';
import { fieldErrorText } from '@/components/ui/field-error';
import type { District } from '../api/get-districts';
import type { FamilyFormValues } from '../lib/family-form';
import { familyStatuses, type Keyworker } from '../types';

type FamilyFieldsProps = {
  register: UseFormRegister<FamilyFormValues>;
  errors: FieldErrors<FamilyFormValues>;
  initial: FamilyFormValues;
  status: FamilyFormValues['status'];
  districts: readonly District[];
  teams: readonly string[];
  keyworkers: readonly Keyworker[];
};

export function FamilyFields({ register, errors, initial, status, districts, teams, keyworkers }: FamilyFieldsProps) {
  const { t } = useTranslation();
  const teamNames = teams.includes(initial.team) || initial.team === '' ? teams : [...teams, initial.team];
  return (
    <>
      <Field label={t('families.name')} required hint={t('families.form.nameHint')} error={fieldErrorText(errors.name, t)}>
        {(control) => <input {...control} {...register('name')} className="input" autoComplete="off" />}
      </Field>
      <div className="form__row">
        <Field label={t('families.team')} required error={fieldErrorText(errors.team, t)}>
          {(control) =>
            teamNames.length > 0 ? (
              <select {...control} {...register('team')} className="input" defaultValue={initial.team}>
                <option value="">{t('families.form.chooseTeam')}</option>
                {teamNames.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            ) : (
              <input {...control} {...register('team')} className="input" />
            )
          }
        </Field>
        <Field label={t('families.keyworker')} hint={t('families.form.keyworkerHint')} error={fieldErrorText(errors.keyworker_id, t)}>
          {(control) => (
            <select {...control} {...register('keyworker_id')} className="input" defaultValue={initial.keyworker_id}>
              <option value="">{t('families.noKeyworker')}</option>
              {keyworkers.map((k) => (
                <option key={k.id} value={String(k.id)}>
                  {k.username}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label={t('families.statusLabel')} error={fieldErrorText(errors.status, t)}>
        {(control) => (
          <select {...control} {...register('status')} className="input" defaultValue={initial.status}>
            <EnumOptions values={familyStatuses} prefix="families.status" />
          </select>
        )}
      </Field>
      {status === 'closed' ? (
        <Field label={t('families.closedReason')} required hint={t('families.form.closedReasonHint')} error={fieldErrorText(errors.closed_reason, t)}>
          {(control) => <textarea {...control} {...register('closed_reason')} className="input" rows={3} />}
        </Field>
      ) : null}
      <fieldset className="fieldset">
        <legend>{t('families.address')}</legend>
        <div className="form__row">
          <Field label={t('families.street')} error={fieldErrorText(errors.street, t)}>
            {(control) => <input {...control} {...register('street')} className="input" autoComplete="off" />}
          </Field>
          <Field label={t('families.houseNumber')} hint={t('families.form.houseNumberHint')} error={fieldErrorText(errors.house_number, t)}>
            {(control) => <input {...control} {...register('house_number')} className="input input--short" autoComplete="off" />}
          </Field>
        </div>
        <div className="form__row">
          <Field label={t('families.district')} required error={fieldErrorText(errors.district, t)}>
            {(control) => (
              <select {...control} {...register('district')} className="input" defaultValue={initial.district}>
                <option value="">{t('families.form.chooseDistrict')}</option>
                {districts.map((d) => (
                  <option key={d.code} value={d.code}>
                    {d.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('families.postalCode')} required hint={t('families.form.postalCodeHint')} error={fieldErrorText(errors.postal_code, t)}>
            {(control) => <input {...control} {...register('postal_code')} className="input input--short" inputMode="numeric" autoComplete="off" />}
          </Field>
        </div>
        <Field label={t('families.kodAdm')} hint={t('families.form.kodAdmHint')} error={fieldErrorText(errors.kod_adm, t)}>
          {(control) => <input {...control} {...register('kod_adm')} className="input input--short" inputMode="numeric" autoComplete="off" />}
        </Field>
      </fieldset>
    </>
  );
}
