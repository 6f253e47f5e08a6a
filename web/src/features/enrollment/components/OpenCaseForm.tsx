// Open an enrollment case for a child: school year, level and (for ZŠ) whether a deferral is considered.
// The catchment school comes from the family's RÚIAN address code; it is shown before saving and the
// server looks it up again when the case is opened. The server's field errors appear at the fields.
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
import {
  catchmentLevel,
  openCaseFormSchema,
  toOpenCaseBody,
  useCatchment,
  useFamilyAddressCode,
  useOpenCase,
  type OpenCaseFormValues,
} from '../api/open-case';
import { enrollmentLevels, schoolYearLabel, schoolYearOf, type EnrollmentCase } from '../types';

const fields = ['school_year', 'level', 'deferral_considered', 'notes'] as const;

type Props = {
  personId: number;
  familyId: number;
  onOpened: (c: EnrollmentCase) => void;
};

export function OpenCaseForm({ personId, familyId, onOpened }: Props) {
  const { t } = useTranslation();
  const mutation = useOpenCase();
  const [unplaced, setUnplaced] = useState<ServerFieldError[]>([]);
  const current = schoolYearOf(todayIso());
  const years = [current - 1, current, current + 1, current + 2];
  const {
    register,
    handleSubmit,
    setError,
    watch,
    formState: { errors },
  } = useForm<OpenCaseFormValues>({
    resolver: zodResolver(openCaseFormSchema),
    defaultValues: { school_year: String(current + 1), level: '', deferral_considered: false, notes: '' },
  });
  const level = watch('level');
  const family = useFamilyAddressCode(familyId);
  const kodAdm = family.data ?? null;
  const catchment = useCatchment(level === '' ? null : kodAdm, catchmentLevel(level));

  const onSubmit = handleSubmit((values) => {
    setUnplaced([]);
    mutation.mutate(toOpenCaseBody(personId, values), {
      onSuccess: onOpened,
      onError: (error) => setUnplaced(applyServerFieldErrors(error, setError, fields, { person_id: 'level' })),
    });
  });
  const err = (name: (typeof fields)[number]) => fieldErrorText(errors[name], t);

  let catchmentText: string;
  if (family.isPending) catchmentText = t('enrollment.open.catchmentLoading');
  else if (family.isError) catchmentText = t('enrollment.open.catchmentError');
  else if (kodAdm === null) catchmentText = t('enrollment.open.noAddressCode');
  else if (level === '') catchmentText = t('enrollment.open.chooseLevel');
  else if (catchment.isPending) catchmentText = t('enrollment.open.catchmentLoading');
  else if (catchment.isError) catchmentText = t('enrollment.open.catchmentError');
  else if (catchment.data) catchmentText = `${catchment.data.school.name} (IZO ${catchment.data.school.izo})`;
  else catchmentText = t('enrollment.open.noCatchment');

  return (
    <form className="form form--medium" onSubmit={onSubmit} noValidate aria-labelledby="open-case-title">
      <h2 id="open-case-title">{t('enrollment.open.formTitle')}</h2>
      <FormErrorSummary error={mutation.error} unplaced={unplaced} />
      <div className="form__row">
        <Field label={t('enrollment.open.schoolYear')} required error={err('school_year')}>
          {(control) => (
            <select {...control} {...register('school_year')} className="input" defaultValue={String(current + 1)}>
              {years.map((y) => (
                <option key={y} value={String(y)}>
                  {schoolYearLabel(y)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('enrollment.open.level')} required error={err('level')}>
          {(control) => (
            <select {...control} {...register('level')} className="input">
              <EnumOptions values={enrollmentLevels} prefix="enrollment.level" emptyLabel={t('enrollment.open.chooseLevelOption')} />
            </select>
          )}
        </Field>
      </div>
      <div className="field">
        <p className="field__label" id="open-case-catchment">
          {t('enrollment.open.catchment')}
        </p>
        <p aria-labelledby="open-case-catchment" data-testid="catchment-preview">
          {catchmentText}
        </p>
        <p className="field__hint">{t('enrollment.open.catchmentHint')}</p>
      </div>
      {level === 'zs' ? (
        <div className="field">
          <label>
            <input type="checkbox" className="checkbox" {...register('deferral_considered')} /> {t('enrollment.open.deferral')}
          </label>
        </div>
      ) : null}
      <Field label={t('enrollment.open.notes')} error={err('notes')}>
        {(control) => <textarea {...control} {...register('notes')} className="input" rows={3} />}
      </Field>
      <div className="form__actions">
        <Button type="submit" busy={mutation.isPending}>
          {t('enrollment.open.submit')}
        </Button>
      </div>
    </form>
  );
}
