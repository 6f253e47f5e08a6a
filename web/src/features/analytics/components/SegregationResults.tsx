// The calculator's answer: N, M, H and D as figures; isolation and exposure as a table; local
// segregation per unit as a sortable table and a bar chart of each unit's contribution p·ls (they sum to M).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppLanguage } from '@/lib/format';
import type { LocalSegregation, SegregationReport } from '../api/segregation';
import { formatCount, formatFixed, formatShare } from '../lib/numbers';
import { BarChart } from './charts/BarChart';
import { ChartFigure } from './charts/ChartFigure';

type SortKey = 'unit' | 'ls' | 'p' | 'contribution';
type Props = { report: SegregationReport; lang: AppLanguage };

const MAX_BARS = 40;

export function SegregationResults({ report, lang }: Props) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<{ key: SortKey; desc: boolean }>({ key: 'contribution', desc: true });
  const idx = (v: number | null | undefined) => formatFixed(v, lang, 3);
  const groups = Object.keys(report.isolation);
  const local = report.local ?? [];
  const contribution = (l: LocalSegregation) => l.p * l.ls;
  const collator = new Intl.Collator(lang);
  const sorted = [...local].sort((a, b) => {
    const order =
      sort.key === 'unit'
        ? collator.compare(a.unit, b.unit)
        : sort.key === 'contribution'
          ? contribution(a) - contribution(b)
          : a[sort.key] - b[sort.key];
    return sort.desc ? -order : order;
  });
  const byContribution = [...local].sort((a, b) => contribution(b) - contribution(a));

  function header(key: SortKey, label: string, numeric: boolean) {
    const active = sort.key === key;
    return (
      <th scope="col" className={numeric ? 'num' : undefined} aria-sort={active ? (sort.desc ? 'descending' : 'ascending') : undefined}>
        <button
          type="button"
          className="sort-button"
          onClick={() => setSort({ key, desc: active ? !sort.desc : key !== 'unit' })}
        >
          {label}
          <span aria-hidden="true">{active ? (sort.desc ? ' ▼' : ' ▲') : ' ↕'}</span>
        </button>
      </th>
    );
  }

  return (
    <section className="section analytics-results" aria-labelledby="seg-results">
      <h2 id="seg-results">{t('analytics.segregation.resultsTitle')}</h2>
      <dl className="analytics-figures">
        <div>
          <dt>{t('analytics.segregation.N')}</dt>
          <dd>{formatFixed(report.N, lang, Number.isInteger(report.N) ? 0 : 1)}</dd>
        </div>
        <div>
          <dt>{t('analytics.measure.M.short')}</dt>
          <dd>{idx(report.M)}</dd>
        </div>
        <div>
          <dt>{t('analytics.measure.H.short')}</dt>
          <dd>{idx(report.H)}</dd>
        </div>
        {report.D !== undefined && report.D !== null && report.D_groups ? (
          <div>
            <dt>{t('analytics.segregation.D', { a: report.D_groups[0], b: report.D_groups[1] })}</dt>
            <dd>{idx(report.D)}</dd>
          </div>
        ) : null}
      </dl>
      <p className="muted small">{t('analytics.segregation.indicesHelp')}</p>

      <h3>{t('analytics.segregation.exposureTitle')}</h3>
      <p className="muted small">{t('analytics.segregation.exposureHelp')}</p>
      <div className="table-scroll">
        <table className="table table--compact">
          <caption className="visually-hidden">{t('analytics.segregation.exposureTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('analytics.segregation.group')}</th>
              <th scope="col" className="num">{t('analytics.segregation.isolation')}</th>
              {report.exposure
                ? groups.map((g) => (
                    <th scope="col" className="num" key={g}>
                      {t('analytics.segregation.exposureTo', { group: g })}
                    </th>
                  ))
                : null}
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g}>
                <th scope="row">{g}</th>
                <td className="num">{idx(report.isolation[g])}</td>
                {report.exposure
                  ? groups.map((to) => (
                      <td className="num" key={to}>
                        {idx(report.exposure?.[g]?.[to])}
                      </td>
                    ))
                  : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {local.length > 0 ? (
        <ChartFigure
          title={t('analytics.segregation.localTitle')}
          description={t('analytics.segregation.localHelp')}
          tableOpen
          chart={
            <>
              <BarChart
                label={t('analytics.segregation.localChartLabel')}
                formatTick={(v) => formatFixed(v, lang, 2)}
                rows={byContribution.slice(0, MAX_BARS).map((l) => ({
                  key: l.unit,
                  label: l.unit,
                  value: contribution(l),
                  valueText: `${formatFixed(contribution(l), lang, 3)} (${formatShare(report.M > 0 ? contribution(l) / report.M : 0, lang, 0)})`,
                }))}
              />
              {local.length > MAX_BARS ? (
                <p className="muted small">{t('analytics.segregation.topUnits', { shown: MAX_BARS, all: formatCount(local.length, lang) })}</p>
              ) : null}
            </>
          }
          table={
            <table className="table table--compact">
              <caption className="visually-hidden">{t('analytics.segregation.localTitle')}</caption>
              <thead>
                <tr>
                  {header('unit', t('analytics.segregation.unit'), false)}
                  {header('p', t('analytics.segregation.p'), true)}
                  {header('ls', t('analytics.segregation.ls'), true)}
                  {header('contribution', t('analytics.segregation.contribution'), true)}
                </tr>
              </thead>
              <tbody>
                {sorted.map((l) => (
                  <tr key={l.unit}>
                    <th scope="row">{l.unit}</th>
                    <td className="num">{formatShare(l.p, lang, 1)}</td>
                    <td className="num">{idx(l.ls)}</td>
                    <td className="num">
                      {idx(contribution(l))}{' '}
                      <span className="muted">({formatShare(report.M > 0 ? contribution(l) / report.M : 0, lang, 0)})</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      ) : null}
    </section>
  );
}
