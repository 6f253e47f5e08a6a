// The leadership's openness to inclusion, assessment by assessment (newest first), with the evidence;
// coordinators record a new assessment.
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
import { formatIsoDate } from '@/lib/format';
import { applyServerFieldErrors } from '@/lib/server-field-errors';
import { useLanguage } from '@/lib/use-language';
import { useAddOpenness } from '../api/school-records';
import { opennessFormSchema, TEXT_MAX, type OpennessFormValues } from '../lib/forms';
import { stances, type OpennessAssessment, type Stance } from '../types';

const stanceMarks: Record<Stance, { mark: string; tone: string }> = {
  open: { mark: '✓', tone: 'badge--ok' },
  mixed: { mark: '~', tone: 'badge--warn' },
  closed: { mark: '✕', tone: 'badge--danger' },
};

export function StanceBadge({ stance }: { stance: Stance }) {
  const { t } = useTranslation();
  const { mark, tone } = stanceMarks[stance];
  return (
    <span className={`badge ${tone}`}>
      <span aria-hidden="true">{mark} </span>
      {t(`schools.stance.${stance}`)}
    </span>
  );
}

export function OpennessSection({ schoolId, items, mayEdit }: { schoolId: number; items: readonly OpennessAssessment[]; mayEdit: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <section className="section" aria-labelledby="openness-title">
      <h2 id="openness-title">{t('schools.openness.title')}</h2>
      {items.length === 0 ? (
        <p>{mayEdit ? t('schools.openness.emptyEditor') : t('schools.openness.empty')}</p>
      ) : (
        <ol className="record-list" aria-label={t('schools.openness.listLabel')}>
          {items.map((a) => (
            <li key={a.id} className="record">
              <p className="record__title">
                <StanceBadge stance={a.stance} /> {formatIsoDate(a.assessed_on, lang)} · {t('schools.openness.by', { name: a.assessed_by })}
              </p>
              <p className="pre-wrap">{a.evidence}</p>
            </li>
          ))}
        </ol>
      )}
      {mayEdit ? <OpennessForm schoolId={schoolId} /> : null}
    </section>
  );
}

const opennessFields = ['stance', 'assessed_on', 'evidence', 'assessed_by'] as const;

function OpennessForm({ schoolId }: { schoolId: number }) {
  const { t } = useTranslation();
  const mutation = useAddOpenness(schoolId);
  const [unplaced, setUnplaced] = useState<ServerFieldError[]>([]);
  const [saved, setSaved] = useState(false);
  const [initial] = useState<OpennessFormValues>(() => ({ stance: 'open', assessed_on: todayIso(), evidence: '', assessed_by: '' }));
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<OpennessFormValues>({ resolver: zodResolver(opennessFormSchema), defaultValues: initial });
  const onSubmit = handleSubmit((v) => {
    setUnplaced([]);
    setSaved(false);
    mutation.mutate(
      { stance: v.stance, assessed_on: v.assessed_on, evidence: v.evidence.trim(), ...(v.assessed_by.trim() ? { assessed_by: v.assessed_by.trim() } : {}) },
      {
        onSuccess: () => {
          reset(initial);
          setSaved(true);
        },
        onError: (error) => setUnplaced(applyServerFieldErrors(error, setError, opennessFields)),
      },
    );
  });
  return (
    <form className="form school-form" onSubmit={onSubmit} noValidate aria-labelledby="openness-form-title">
      <h3 id="openness-form-title">{t('schools.openness.formTitle')}</h3>
      {saved ? <Alert tone="success" title={t('schools.openness.saved')} /> : null}
      <FormErrorSummary error={mutation.error} unplaced={unplaced} />
      <div className="form__row">
        <Field label={t('schools.openness.stance')} required error={fieldErrorText(errors.stance, t)}>
          {(control) => (
            <select {...control} {...register('stance')} className="input" defaultValue={initial.stance}>
              <EnumOptions values={stances} prefix="schools.stance" />
            </select>
          )}
        </Field>
        <Field label={t('schools.openness.assessedOn')} required error={fieldErrorText(errors.assessed_on, t)}>
          {(control) => <input {...control} {...register('assessed_on')} className="input" type="date" max={todayIso()} />}
        </Field>
      </div>
      <Field label={t('schools.openness.evidence')} required hint={t('schools.openness.evidenceHint')} error={fieldErrorText(errors.evidence, t)}>
        {(control) => <textarea {...control} {...register('evidence')} className="input" rows={4} maxLength={TEXT_MAX} />}
      </Field>
      <Field label={t('schools.openness.assessedBy')} hint={t('schools.openness.assessedByHint')} error={fieldErrorText(errors.assessed_by, t)}>
        {(control) => <input {...control} {...register('assessed_by')} className="input" maxLength={100} />}
      </Field>
      <div className="form__actions">
        <Button type="submit" busy={mutation.isPending}>
          {t('schools.openness.submit')}
        </Button>
      </div>
    </form>
  );
}
