// A new version of a competence framework, started from the latest one: every text in Czech and
// English, rubric levels, domains and their indicators (new ones may be added). Saving creates a new
// version; past assessments stay on the version they used. Server errors ("levels[1].name_en",
// "domains[0].indicators[2].code") appear at the input they name.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { FormErrorSummary } from '@/components/ui/FormErrorSummary';
import { isApiError } from '@/lib/api-error';
import { useLanguage } from '@/lib/use-language';
import { useCreateFrameworkVersion, type FrameworkDraft } from '../api/competences';
import { localName, type Framework } from '../types';

export function draftOf(f: Framework): FrameworkDraft {
  return {
    code: f.code,
    audience: f.audience,
    name_cs: f.name_cs,
    name_en: f.name_en,
    levels: f.levels.map((l) => ({ ...l })),
    domains: f.domains.map((d) => ({
      code: d.code,
      name_cs: d.name_cs,
      name_en: d.name_en,
      indicators: d.indicators.map((i) => ({ code: i.code, name_cs: i.name_cs, name_en: i.name_en })),
    })),
  };
}

export function FrameworkEditor({ latest, onDone }: { latest: Framework; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const create = useCreateFrameworkVersion();
  const [draft, setDraft] = useState<FrameworkDraft>(() => draftOf(latest));
  const edit = (change: (d: FrameworkDraft) => void) =>
    setDraft((d) => {
      const next = structuredClone(d);
      change(next);
      return next;
    });
  const fieldErrors = isApiError(create.error) ? create.error.fields : [];
  const shown = new Set<string>();
  const err = (path: string) => {
    shown.add(path);
    return fieldErrors.find((f) => f.field === path)?.message;
  };
  const text = (label: string, path: string, value: string, set: (d: FrameworkDraft, v: string) => void, long = false) => (
    <Field label={label} error={err(path)} required>
      {(c) =>
        long ? (
          <textarea {...c} className="input" rows={2} value={value} onChange={(e) => edit((d) => set(d, e.target.value))} />
        ) : (
          <input {...c} className="input" value={value} onChange={(e) => edit((d) => set(d, e.target.value))} />
        )
      }
    </Field>
  );
  const body = (
    <>
      {text(t('activities.frameworks.nameCs'), 'name_cs', draft.name_cs, (d, v) => (d.name_cs = v))}
      {text(t('activities.frameworks.nameEn'), 'name_en', draft.name_en, (d, v) => (d.name_en = v))}
      <fieldset className="fieldset">
        <legend>{t('activities.frameworks.levels')}</legend>
        {draft.levels.map((l, i) => (
          <fieldset className="fieldset framework-edit__level" key={i}>
            <legend>{t('activities.frameworks.level', { level: l.level })}</legend>
            {text(t('activities.frameworks.nameCs'), `levels[${i}].name_cs`, l.name_cs, (d, v) => (d.levels[i]!.name_cs = v))}
            {text(t('activities.frameworks.nameEn'), `levels[${i}].name_en`, l.name_en, (d, v) => (d.levels[i]!.name_en = v))}
            {text(t('activities.frameworks.descriptionCs'), `levels[${i}].description_cs`, l.description_cs, (d, v) => (d.levels[i]!.description_cs = v), true)}
            {text(t('activities.frameworks.descriptionEn'), `levels[${i}].description_en`, l.description_en, (d, v) => (d.levels[i]!.description_en = v), true)}
          </fieldset>
        ))}
      </fieldset>
      {draft.domains.map((dm, i) => (
        <fieldset className="fieldset" key={i}>
          <legend>{t('activities.frameworks.domain', { name: localName(dm, lang) || dm.code })}</legend>
          {text(t('activities.frameworks.nameCs'), `domains[${i}].name_cs`, dm.name_cs, (d, v) => (d.domains[i]!.name_cs = v))}
          {text(t('activities.frameworks.nameEn'), `domains[${i}].name_en`, dm.name_en, (d, v) => (d.domains[i]!.name_en = v))}
          {err(`domains[${i}].indicators`) ? <p className="field__error">{err(`domains[${i}].indicators`)}</p> : null}
          {dm.indicators.map((ind, j) => {
            const at = `domains[${i}].indicators[${j}]`;
            const known = latest.domains[i]?.indicators.some((x) => x.code === ind.code) ?? false;
            return (
              <fieldset className="fieldset framework-edit__indicator" key={j}>
                <legend>{t('activities.frameworks.indicator', { n: j + 1 })}</legend>
                {known ? (
                  err(`${at}.code`) ? <p className="field__error">{err(`${at}.code`)}</p> : null
                ) : (
                  text(t('activities.frameworks.code'), `${at}.code`, ind.code, (d, v) => (d.domains[i]!.indicators[j]!.code = v))
                )}
                {text(t('activities.frameworks.nameCs'), `${at}.name_cs`, ind.name_cs, (d, v) => (d.domains[i]!.indicators[j]!.name_cs = v))}
                {text(t('activities.frameworks.nameEn'), `${at}.name_en`, ind.name_en, (d, v) => (d.domains[i]!.indicators[j]!.name_en = v))}
                {known ? null : (
                  <Button variant="ghost" onClick={() => edit((d) => void d.domains[i]!.indicators.splice(j, 1))}>
                    {t('activities.frameworks.removeIndicator')}
                  </Button>
                )}
              </fieldset>
            );
          })}
          <Button
            variant="secondary"
            onClick={() => edit((d) => void d.domains[i]!.indicators.push({ code: '', name_cs: '', name_en: '' }))}
          >
            {t('activities.frameworks.addIndicator')}
          </Button>
        </fieldset>
      ))}
    </>
  );
  const unplaced = fieldErrors.filter((f) => !shown.has(f.field));
  return (
    <form
      className="form"
      noValidate
      aria-label={t('activities.frameworks.newVersion')}
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate(draft, { onSuccess: () => onDone() });
      }}
    >
      <Alert tone="info" title={t('activities.frameworks.newVersionLead', { version: latest.version + 1 })} />
      <FormErrorSummary error={create.error} unplaced={unplaced} />
      {body}
      <div className="form__actions">
        <Button type="submit" busy={create.isPending}>
          {t('activities.frameworks.saveVersion')}
        </Button>
        <Button variant="secondary" onClick={onDone} disabled={create.isPending}>
          {t('activities.frameworks.cancel')}
        </Button>
      </div>
    </form>
  );
}
