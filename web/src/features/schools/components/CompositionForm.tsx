// Coordinators add a composition estimate: school year, Roma and/or disadvantaged share in %, source,
// date and confidence. The server's field errors appear at the fields; nothing typed is lost on an error.
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
import type { FieldError as ServerFieldError } from '@/lib/api-error';
import { todayIso } from '@/lib/dates';
import { applyServerFieldErrors } from '@/lib/server-field-errors';
import { useAddComposition } from '../api/school-records';
import { compositionFormSchema, currentSchoolYearStart, parsePercent, type CompositionFormValues } from '../lib/forms';
import { confidences, schoolYearLabel } from '../types';

const fields = ['school_year', 'roma_share', 'disadvantaged_share', 'source', 'estimated_on', 'confidence'] as const;

export function CompositionForm({ schoolId }: { schoolId: number }) {
  const { t } = useTranslation();
  const mutation = useAddComposition(schoolId);
  const [unplaced, setUnplaced] = useState<ServerFieldError[]>([]);
  const [saved, setSaved] = useState(false);
  const thisYear = currentSchoolYearStart() - 1;
  const years = Array.from({ length: 12 }, (_, i) => thisYear + 1 - i);
  const [initial] = useState<CompositionFormValues>(() => ({
    school_year: String(thisYear),
    roma_share: '',
    disadvantaged_share: '',
    source: '',
    estimated_on: todayIso(),
    confidence: 'medium',
  }));
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<CompositionFormValues>({ resolver: zodResolver(compositionFormSchema), defaultValues: initial });

  const onSubmit = handleSubmit((v) => {
    setUnplaced([]);
    setSaved(false);
    const roma = parsePercent(v.roma_share);
    const disadvantaged = parsePercent(v.disadvantaged_share);
    mutation.mutate(
      {
        school_year: Number(v.school_year),
        ...(roma === undefined ? {} : { roma_share: roma }),
        ...(disadvantaged === undefined ? {} : { disadvantaged_share: disadvantaged }),
        source: v.source.trim(),
        estimated_on: v.estimated_on,
        confidence: v.confidence,
      },
      {
        onSuccess: () => {
          reset(initial);
          setSaved(true);
        },
        onError: (error) => setUnplaced(applyServerFieldErrors(error, setError, fields)),
      },
    );
  });

  return (
    <details className="school-form">
      <summary>{t('schools.composition.add')}</summary>
      <form className="form" onSubmit={onSubmit} noValidate aria-label={t('schools.composition.add')}>
        {saved ? <Alert tone="success" title={t('schools.composition.saved')} /> : null}
        <FormErrorSummary error={mutation.error} unplaced={unplaced} />
        <div className="form__row">
          <Field label={t('schools.composition.year')} required error={fieldErrorText(errors.school_year, t)}>
            {(control) => (
              <select {...control} {...register('school_year')} className="input" defaultValue={initial.school_year}>
                {years.map((y) => (
                  <option key={y} value={String(y)}>
                    {schoolYearLabel(y)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label={t('schools.composition.confidence')} required error={fieldErrorText(errors.confidence, t)}>
            {(control) => (
              <select {...control} {...register('confidence')} className="input" defaultValue={initial.confidence}>
                <EnumOptions values={confidences} prefix="schools.confidence" />
              </select>
            )}
          </Field>
        </div>
        <div className="form__row">
          <Field label={t('schools.composition.romaPercent')} hint={t('schools.composition.percentHint')} error={fieldErrorText(errors.roma_share, t)}>
            {(control) => <input {...control} {...register('roma_share')} className="input input--short" inputMode="decimal" />}
          </Field>
          <Field
            label={t('schools.composition.disadvantagedPercent')}
            hint={t('schools.composition.percentHint')}
            error={fieldErrorText(errors.disadvantaged_share, t)}
          >
            {(control) => <input {...control} {...register('disadvantaged_share')} className="input input--short" inputMode="decimal" />}
          </Field>
        </div>
        <Field label={t('schools.composition.source')} required hint={t('schools.composition.sourceHint')} error={fieldErrorText(errors.source, t)}>
          {(control) => <input {...control} {...register('source')} className="input" maxLength={500} />}
        </Field>
        <Field label={t('schools.composition.estimatedOn')} required error={fieldErrorText(errors.estimated_on, t)}>
          {(control) => <input {...control} {...register('estimated_on')} className="input" type="date" max={todayIso()} />}
        </Field>
        <div className="form__actions">
          <Button type="submit" busy={mutation.isPending}>
            {t('schools.composition.submit')}
          </Button>
        </div>
      </form>
    </details>
  );
}
