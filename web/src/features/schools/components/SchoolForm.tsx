// Create or edit a school (coordinators and admins). The server's field errors appear at the fields; an IZO
// already used is shown at the IZO field; a stale edit (409) reads the school again, shows both versions
// and lets the coordinator keep theirs or take the stored one. Nothing typed is lost on an error.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Button } from '@/components/ui/Button';
import { EnumOptions } from '@/components/ui/EnumOptions';
import { Field } from '@/components/ui/Field';
import { FormErrorSummary } from '@/components/ui/FormErrorSummary';
import { VersionConflict, type ConflictRow } from '@/components/ui/VersionConflict';
import { SERVER_ERROR_TYPE, fieldErrorText } from '@/components/ui/field-error';
import { isApiError, type FieldError as ServerFieldError } from '@/lib/api-error';
import { applyServerFieldErrors } from '@/lib/server-field-errors';
import { getSchool } from '../api/schools';
import { useCreateSchool, useUpdateSchool } from '../api/school-mutations';
import {
  emptySchoolValues,
  schoolFieldAliases,
  schoolFormFields,
  schoolFormSchema,
  toSchoolBody,
  valuesFromSchool,
  type SchoolFormValues,
} from '../lib/school-form';
import { schoolTypes, type School, type SchoolDetail } from '../types';

type Props = { school?: School; onSaved: (s: SchoolDetail) => void };

export function SchoolForm({ school, onSaved }: Props) {
  const { t } = useTranslation();
  const create = useCreateSchool();
  const update = useUpdateSchool(school?.id ?? 0);
  const mutation = school ? update : create;
  const [base, setBase] = useState<School | undefined>(school);
  const [theirs, setTheirs] = useState<School | null>(null);
  const [unplaced, setUnplaced] = useState<ServerFieldError[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    getValues,
    formState: { errors },
  } = useForm<SchoolFormValues>({
    resolver: zodResolver(schoolFormSchema),
    defaultValues: school ? valuesFromSchool(school) : emptySchoolValues,
  });

  const onError = (error: unknown) => {
    if (isApiError(error) && error.code === 'conflict') {
      const izo = error.fields.find((f) => f.field === 'izo');
      if (izo || !school) {
        setError('izo', { type: SERVER_ERROR_TYPE, message: izo?.message ?? error.message }, { shouldFocus: true });
        return;
      }
      void getSchool(school.id).then(setTheirs, () => setTheirs(null));
      return;
    }
    setUnplaced(applyServerFieldErrors(error, setError, schoolFormFields, schoolFieldAliases));
  };

  const save = (values: SchoolFormValues, version?: number) => {
    setUnplaced([]);
    const body = toSchoolBody(values);
    if (school) update.mutate({ ...body, version: version ?? base?.version ?? school.version }, { onSuccess: onSaved, onError });
    else create.mutate(body, { onSuccess: onSaved, onError });
  };
  const onSubmit = handleSubmit((values) => save(values));
  const err = (name: (typeof schoolFormFields)[number]) => fieldErrorText(errors[name], t);
  const error = mutation.error;
  const versionConflict = isApiError(error) && error.code === 'conflict' && !!school && !error.fields.some((f) => f.field === 'izo');
  const izoConflict = isApiError(error) && error.code === 'conflict' && !versionConflict;

  const conflictRows = (mine: SchoolFormValues, other: School): ConflictRow[] => {
    const th = valuesFromSchool(other);
    const label: Record<(typeof schoolFormFields)[number], string> = {
      izo: 'IZO',
      red_izo: 'RED_IZO',
      name: t('schools.form.name'),
      type: t('schools.type'),
      founder_name: t('schools.form.founderName'),
      founder_ico: t('schools.form.founderIco'),
      address: t('schools.address'),
      ruian_code: t('schools.form.ruianCode'),
      district: t('schools.district'),
      capacity: t('schools.capacity'),
      latitude: t('schools.form.latitude'),
      longitude: t('schools.form.longitude'),
    };
    return schoolFormFields.map((f) => ({
      label: label[f],
      mine: f === 'type' ? t(`schools.typeName.${mine.type}`) : mine[f],
      theirs: f === 'type' ? t(`schools.typeName.${th.type}`) : th[f],
    }));
  };

  return (
    <form className="form form--medium" onSubmit={onSubmit} noValidate aria-label={school ? t('schools.form.editTitle') : t('schools.form.newTitle')}>
      {versionConflict ? (
        <ErrorAlert error={error} title={t('schools.form.conflictTitle')}>
          <p>{t('conflict.body')}</p>
          {theirs ? (
            <VersionConflict
              rows={conflictRows(getValues(), theirs)}
              busy={mutation.isPending}
              onKeepMine={() => {
                setBase(theirs);
                const v = theirs.version;
                setTheirs(null);
                save(getValues(), v);
              }}
              onTakeTheirs={() => {
                setBase(theirs);
                reset(valuesFromSchool(theirs));
                setTheirs(null);
                mutation.reset();
              }}
            />
          ) : (
            <p>{t('conflict.reload')}</p>
          )}
        </ErrorAlert>
      ) : izoConflict ? (
        <FormErrorSummary error={null} unplaced={[]} />
      ) : (
        <FormErrorSummary error={error} unplaced={unplaced} />
      )}
      <fieldset className="fieldset">
        <legend>{t('schools.form.identity')}</legend>
        <div className="form__row">
          <Field label="IZO" required hint={t('schools.form.izoHint')} error={err('izo')}>
            {(control) => <input {...control} {...register('izo')} className="input" inputMode="numeric" maxLength={9} />}
          </Field>
          <Field label="RED_IZO" hint={t('schools.form.redIzoHint')} error={err('red_izo')}>
            {(control) => <input {...control} {...register('red_izo')} className="input" inputMode="numeric" maxLength={9} />}
          </Field>
        </div>
        <Field label={t('schools.form.name')} required error={err('name')}>
          {(control) => <input {...control} {...register('name')} className="input" maxLength={300} />}
        </Field>
        <Field label={t('schools.type')} required error={err('type')}>
          {(control) => (
            <select {...control} {...register('type')} className="input" defaultValue={school?.type ?? 'zs'}>
              <EnumOptions values={schoolTypes} prefix="schools.typeName" />
            </select>
          )}
        </Field>
        <div className="form__row">
          <Field label={t('schools.form.founderName')} error={err('founder_name')}>
            {(control) => <input {...control} {...register('founder_name')} className="input" maxLength={300} />}
          </Field>
          <Field label={t('schools.form.founderIco')} hint={t('schools.form.icoHint')} error={err('founder_ico')}>
            {(control) => <input {...control} {...register('founder_ico')} className="input" inputMode="numeric" maxLength={8} />}
          </Field>
        </div>
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('schools.form.place')}</legend>
        <Field label={t('schools.address')} error={err('address')}>
          {(control) => <input {...control} {...register('address')} className="input" maxLength={500} />}
        </Field>
        <div className="form__row">
          <Field label={t('schools.form.ruianCode')} hint={t('schools.form.ruianHint')} error={err('ruian_code')}>
            {(control) => <input {...control} {...register('ruian_code')} className="input" inputMode="numeric" />}
          </Field>
          <Field label={t('schools.district')} error={err('district')}>
            {(control) => <input {...control} {...register('district')} className="input" maxLength={100} />}
          </Field>
        </div>
        <div className="form__row">
          <Field label={t('schools.form.latitude')} hint={t('schools.form.coordinatesHint')} error={err('latitude')}>
            {(control) => <input {...control} {...register('latitude')} className="input" inputMode="decimal" />}
          </Field>
          <Field label={t('schools.form.longitude')} error={err('longitude')}>
            {(control) => <input {...control} {...register('longitude')} className="input" inputMode="decimal" />}
          </Field>
        </div>
        <Field label={t('schools.capacity')} hint={t('schools.form.capacityHint')} error={err('capacity')}>
          {(control) => <input {...control} {...register('capacity')} className="input input--short" inputMode="numeric" />}
        </Field>
      </fieldset>
      <div className="form__actions">
        <Button type="submit" busy={mutation.isPending}>
          {school ? t('schools.form.save') : t('schools.form.create')}
        </Button>
      </div>
    </form>
  );
}
