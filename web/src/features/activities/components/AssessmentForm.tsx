// An assessment against the latest framework for the person's role: a level per indicator, a note.
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
  const fieldError = (name: string) =>
    isApiError(create.error) ? create.error.fields.find((f) => f.field === name)?.message : undefined;
  return (
    <form
      className="form"
      noValidate
      aria-label={t('activities.assessment.title')}
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ person_id: personId, date, note: note || undefined, levels }, { onSuccess: () => setLevels({}) });
      }}
    >
      <h2>{t('activities.assessment.title')}</h2>
      {create.isSuccess ? <Alert tone="success" title={t('activities.assessment.saved')} /> : null}
      <FormErrorSummary error={create.error} unplaced={[]} />
      <Field label={t('activities.assessment.date')} required error={fieldError('date')}>
        {(c) => <input {...c} className="input" type="date" max={todayIso()} value={date} onChange={(e) => setDate(e.target.value)} />}
      </Field>
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
