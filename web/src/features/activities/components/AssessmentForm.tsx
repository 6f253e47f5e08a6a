// An assessment against one framework version: a level per indicator, a note. The server's field
// errors appear at the field they name — "date", "note", "levels.<indicator code>" at that indicator's
// level, "levels" above the levels; only errors no field shows are listed above the form. What was
// chosen stays chosen after an error.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { FormErrorSummary } from '@/components/ui/FormErrorSummary';
import { todayIso } from '@/lib/dates';
import { isApiError } from '@/lib/api-error';
import { useLanguage } from '@/lib/use-language';
import { useCreateAssessment } from '../api/competences';
import { localName, type Framework } from '../types';

export function AssessmentForm({ personId, framework }: { personId: number; framework: Framework }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const create = useCreateAssessment(personId);
  const [date, setDate] = useState(todayIso());
  const [note, setNote] = useState('');
  const [levels, setLevels] = useState<Record<string, number>>({});
  const errors = isApiError(create.error) ? create.error.fields : [];
  const indicatorCodes = new Set(framework.domains.flatMap((d) => d.indicators.map((i) => `levels.${i.code}`)));
  const placed = (name: string) => name === 'date' || name === 'note' || name === 'levels' || indicatorCodes.has(name);
  const fieldError = (name: string) => errors.find((f) => f.field === name)?.message;
  const levelsError = fieldError('levels');
  return (
    <form
      className="form"
      noValidate
      aria-label={t('activities.assessment.titleFor', { name: localName(framework, lang), version: framework.version })}
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate(
          { person_id: personId, framework_id: framework.id, date, note: note || undefined, levels },
          { onSuccess: () => setLevels({}) },
        );
      }}
    >
      <h2>{t('activities.assessment.title')}</h2>
      <p>{t('activities.assessment.version', { version: framework.version })}</p>
      {create.isSuccess ? <Alert tone="success" title={t('activities.assessment.saved')} /> : null}
      <FormErrorSummary error={create.error} unplaced={errors.filter((f) => !placed(f.field))} />
      <Field label={t('activities.assessment.date')} required error={fieldError('date')}>
        {(c) => <input {...c} className="input" type="date" max={todayIso()} value={date} onChange={(e) => setDate(e.target.value)} />}
      </Field>
      {levelsError ? (
        <p className="field__error" role="alert">
          <span className="field__error-prefix">{t('form.errorPrefix')}</span> {levelsError}
        </p>
      ) : null}
      {framework.domains.map((d) => (
        <fieldset className="fieldset" key={d.code}>
          <legend>{localName(d, lang)}</legend>
          {d.indicators.map((i) => (
            <Field key={i.code} label={localName(i, lang)} error={fieldError(`levels.${i.code}`)}>
              {(c) => (
                <select
                  {...c}
                  className="input"
                  value={levels[i.code] ?? ''}
                  onChange={(e) => {
                    const next = { ...levels };
                    if (e.target.value === '') delete next[i.code];
                    else next[i.code] = Number(e.target.value);
                    setLevels(next);
                  }}
                >
                  <option value="">{t('activities.assessment.notAssessed')}</option>
                  {framework.levels.map((l) => (
                    <option key={l.level} value={l.level}>
                      {l.level} – {localName(l, lang)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ))}
        </fieldset>
      ))}
      <Field label={t('activities.assessment.note')} error={fieldError('note')}>
        {(c) => <textarea {...c} className="input" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <div className="form__actions">
        <Button type="submit" busy={create.isPending}>
          {t('activities.assessment.submit')}
        </Button>
      </div>
    </form>
  );
}
