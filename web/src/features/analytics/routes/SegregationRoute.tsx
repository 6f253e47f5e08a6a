// Analýzy › Kalkulačka segregace: a CSV pasted or uploaded, read in the browser, columns chosen by
// the user, summed per (group, unit) and posted; the answer shows M, H, D, isolation/exposure and
// local segregation. Problems in the file are named by their line, before and after the server.
import { useId, useMemo, useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Field } from '@/components/ui/Field';
import { PageHeader } from '@/components/ui/PageHeader';
import { isApiError } from '@/lib/api-error';
import { useLanguage } from '@/lib/use-language';
import { useSegregation, type SegregationReport } from '../api/segregation';
import { AnalyticsTabs } from '../components/AnalyticsTabs';
import { SegregationResults } from '../components/SegregationResults';
import { aggregateRows, parseCsv, parseRowField, type CsvProblem } from '../lib/csv';
import { formatCount } from '../lib/numbers';

const EXAMPLE = 'skupina;škola;počet\nromská;ZŠ Cejl;40\nostatní;ZŠ Cejl;10\nromská;ZŠ Merhautova;5\nostatní;ZŠ Merhautova;60\nromská;ZŠ Husova;2\nostatní;ZŠ Husova;80\n';

const guesses = {
  group: ['group', 'skupina', 'etnicita', 'menšina', 'mensina'],
  unit: ['unit', 'škola', 'skola', 'school', 'jednotka', 'třída', 'trida'],
  weight: ['weight', 'váha', 'vaha', 'počet', 'pocet', 'count', 'n'],
};

function guess(header: string[], names: string[], fallback: number | null): number | null {
  const at = header.findIndex((h) => names.includes(h.trim().toLowerCase()));
  return at >= 0 ? at : fallback;
}

type ServerRowError = { lines: number[]; message: string; field: string };

export function SegregationRoute() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const fileId = useId();
  const [text, setText] = useState('');
  const [hasHeader, setHasHeader] = useState(true);
  const [columns, setColumns] = useState<{ group: string; unit: string; weight: string } | null>(null);
  const [groupA, setGroupA] = useState('');
  const [groupB, setGroupB] = useState('');
  const [clientProblems, setClientProblems] = useState<CsvProblem[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [report, setReport] = useState<SegregationReport | null>(null);
  const mutation = useSegregation();

  const csv = useMemo(() => parseCsv(text, hasHeader), [text, hasHeader]);
  const chosen = useMemo(() => {
    const g = columns ? Number(columns.group) : guess(csv.header, guesses.group, 0);
    const u = columns ? Number(columns.unit) : guess(csv.header, guesses.unit, csv.header.length > 1 ? 1 : null);
    const w = columns ? (columns.weight === '' ? null : Number(columns.weight)) : guess(csv.header, guesses.weight, null);
    return { group: g ?? 0, unit: u ?? 0, weight: w };
  }, [columns, csv.header]);
  const aggregated = useMemo(() => aggregateRows(csv, chosen), [csv, chosen]);
  const sameColumns = chosen.group === chosen.unit || chosen.weight === chosen.group || chosen.weight === chosen.unit;

  function setColumn(which: 'group' | 'unit' | 'weight', value: string) {
    setColumns({
      group: String(chosen.group),
      unit: String(chosen.unit),
      weight: chosen.weight === null ? '' : String(chosen.weight),
      [which]: value,
    });
    if (which === 'group') {
      setGroupA('');
      setGroupB('');
    }
  }

  function onText(value: string) {
    setText(value);
    setColumns(null);
    setClientProblems([]);
    setFormError(null);
    setReport(null);
    mutation.reset();
  }

  function onFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    setFileError(null);
    if (!file) return;
    file.text().then(
      (content) => onText(content),
      () => setFileError(t('analytics.segregation.fileUnreadable')),
    );
  }

  const serverErrors: ServerRowError[] = [];
  let groupsError: string | undefined;
  if (isApiError(mutation.error) && mutation.error.code === 'validation_failed') {
    for (const f of mutation.error.fields) {
      const row = parseRowField(f.field);
      if (f.field === 'groups') groupsError = f.message;
      else serverErrors.push({ lines: row ? (mutation.variables?.lines?.[row.index] ?? []) : [], message: f.message, field: f.field });
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setFormError(null);
    setClientProblems([]);
    if (csv.records.length === 0) {
      setFormError(t('analytics.segregation.noRows'));
      return;
    }
    if (sameColumns) {
      setFormError(t('analytics.segregation.sameColumns'));
      return;
    }
    if (aggregated.problems.length > 0) {
      setClientProblems(aggregated.problems);
      return;
    }
    if ((groupA === '') !== (groupB === '') || (groupA !== '' && groupA === groupB)) {
      setFormError(t('analytics.segregation.twoGroups'));
      return;
    }
    const groups: [string, string] | undefined = groupA && groupB ? [groupA, groupB] : undefined;
    mutation.mutate(
      { rows: aggregated.rows, groups, lines: aggregated.lines },
      { onSuccess: (data) => setReport(data) },
    );
  }

  const columnOptions = csv.header.map((h, i) => (
    <option key={i} value={i}>
      {h}
    </option>
  ));
  const otherError = mutation.error && !(isApiError(mutation.error) && mutation.error.code === 'validation_failed') ? mutation.error : null;

  return (
    <>
      <PageHeader title={t('analytics.segregation.title')} lead={t('analytics.segregation.lead')} />
      <AnalyticsTabs />
      <form className="section analytics-form" onSubmit={onSubmit} noValidate aria-labelledby="seg-data">
        <h2 id="seg-data">{t('analytics.segregation.dataTitle')}</h2>
        <p>{t('analytics.segregation.dataHelp')}</p>
        <Field label={t('analytics.segregation.csv')} hint={t('analytics.segregation.csvHint')}>
          {(control) => (
            <textarea
              {...control}
              className="input analytics-csv"
              rows={8}
              spellCheck={false}
              value={text}
              onChange={(e) => onText(e.target.value)}
            />
          )}
        </Field>
        <div className="analytics-form__row">
          <div className="field">
            <label className="field__label" htmlFor={fileId}>
              {t('analytics.segregation.upload')}
            </label>
            <input id={fileId} type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" onChange={onFile} />
            {fileError ? <p className="field__error">{fileError}</p> : null}
          </div>
          <Button variant="ghost" onClick={() => onText(EXAMPLE)}>
            {t('analytics.segregation.example')}
          </Button>
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={hasHeader} onChange={(e) => setHasHeader(e.target.checked)} /> {t('analytics.segregation.hasHeader')}
        </label>

        {csv.records.length > 0 ? (
          <>
            <p className="analytics-preview" role="status">
              {t('analytics.segregation.preview', {
                rows: formatCount(csv.records.length, lang),
                groups: formatCount(aggregated.groups.length, lang),
                units: formatCount(aggregated.units, lang),
              })}
            </p>
            <fieldset className="fieldset">
              <legend>{t('analytics.segregation.columns')}</legend>
              <div className="analytics-form__row">
                <Field label={t('analytics.segregation.groupColumn')}>
                  {(control) => (
                    <select {...control} className="input" value={String(chosen.group)} onChange={(e) => setColumn('group', e.target.value)}>
                      {columnOptions}
                    </select>
                  )}
                </Field>
                <Field label={t('analytics.segregation.unitColumn')}>
                  {(control) => (
                    <select {...control} className="input" value={String(chosen.unit)} onChange={(e) => setColumn('unit', e.target.value)}>
                      {columnOptions}
                    </select>
                  )}
                </Field>
                <Field label={t('analytics.segregation.weightColumn')} hint={t('analytics.segregation.weightHint')}>
                  {(control) => (
                    <select
                      {...control}
                      className="input"
                      value={chosen.weight === null ? '' : String(chosen.weight)}
                      onChange={(e) => setColumn('weight', e.target.value)}
                    >
                      <option value="">{t('analytics.segregation.noWeight')}</option>
                      {columnOptions}
                    </select>
                  )}
                </Field>
              </div>
            </fieldset>
            <fieldset className="fieldset">
              <legend>{t('analytics.segregation.dGroups')}</legend>
              <p className="field__hint">{t('analytics.segregation.dGroupsHint')}</p>
              <div className="analytics-form__row">
                <Field label={t('analytics.segregation.groupA')} error={groupsError}>
                  {(control) => (
                    <select {...control} className="input" value={groupA} onChange={(e) => setGroupA(e.target.value)}>
                      <option value="">{t('analytics.segregation.noGroup')}</option>
                      {aggregated.groups.map((g) => (
                        <option key={g} value={g}>
                          {g}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label={t('analytics.segregation.groupB')}>
                  {(control) => (
                    <select {...control} className="input" value={groupB} onChange={(e) => setGroupB(e.target.value)}>
                      <option value="">{t('analytics.segregation.noGroup')}</option>
                      {aggregated.groups.map((g) => (
                        <option key={g} value={g}>
                          {g}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              </div>
            </fieldset>
          </>
        ) : null}

        {formError ? <Alert tone="error" title={formError} /> : null}
        {clientProblems.length > 0 ? (
          <Alert tone="error" title={t('analytics.segregation.fileProblems', { n: clientProblems.length })}>
            <ul className="analytics-problems">
              {clientProblems.slice(0, 20).map((p, i) => (
                <li key={i}>
                  {t('analytics.segregation.line', { line: p.line })}: {t(`analytics.segregation.problem.${p.problem}`, { value: p.value })}
                </li>
              ))}
            </ul>
            {clientProblems.length > 20 ? <p>{t('analytics.segregation.moreProblems', { more: clientProblems.length - 20 })}</p> : null}
          </Alert>
        ) : null}
        {serverErrors.length > 0 ? (
          <Alert tone="error" title={t('analytics.segregation.serverRefused')}>
            <ul className="analytics-problems">
              {serverErrors.map((e, i) => (
                <li key={i}>
                  <code>{e.field}</code>
                  {e.lines.length > 0 ? ` (${t('analytics.segregation.lines', { lines: e.lines.slice(0, 10).join(', ') })})` : ''}: {e.message}
                </li>
              ))}
            </ul>
          </Alert>
        ) : null}
        {otherError ? <ErrorAlert error={otherError} title={t('analytics.segregation.cannotCompute')} /> : null}

        <div className="form__actions">
          <Button type="submit" busy={mutation.isPending}>
            {t('analytics.segregation.compute')}
          </Button>
        </div>
      </form>
      {report ? <SegregationResults report={report} lang={lang} /> : null}
    </>
  );
}
