// The simulator's answer: who was simulated, how unassigned children count, one overview table
// (measures × policies, mean and 5–95 % spread) and per measure a range chart with its table.
import { useTranslation } from 'react-i18next';
import type { AppLanguage } from '@/lib/format';
import { measureKeys, type MeasureKey, type MechanismResult, type Simulation } from '../api/simulate';
import { formatCount } from '../lib/numbers';
import { ChartFigure } from './charts/ChartFigure';
import { RangeChart } from './charts/RangeChart';
import { measureFormats } from './measures';

type Props = { result: Simulation; lang: AppLanguage; stale: boolean };

export function SimulationResults({ result, lang, stale }: Props) {
  const { t } = useTranslation();
  const mechanismName = (m: MechanismResult) => t(`analytics.mechanism.${m.mechanism}.name`, { defaultValue: m.mechanism });
  const spreadText = (key: MeasureKey, m: MechanismResult) => {
    const f = measureFormats[key].format;
    return t('analytics.simulator.rangeShort', { low: f(m[key].p5, lang), high: f(m[key].p95, lang) });
  };
  const minorityShare = result.children > 0 ? result.minority_children / result.children : 0;
  const knownNotes = ['unassigned', 'D', 'first_choice_share', 'distance', 'spread'];

  return (
    <section className={['section', 'analytics-results', stale ? 'is-stale' : null].filter(Boolean).join(' ')} aria-labelledby="sim-results">
      <h2 id="sim-results">{t('analytics.simulator.resultsTitle')}</h2>
      <p>
        {t('analytics.simulator.summary', {
          children: formatCount(result.children, lang),
          minority: formatCount(result.minority_children, lang),
          share: new Intl.NumberFormat(lang === 'cs' ? 'cs-CZ' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(minorityShare),
          schools: formatCount(result.schools, lang),
          draws: formatCount(result.draws, lang),
          seed: result.seed,
        })}
      </p>
      <div className="analytics-note">
        <h3>{t('analytics.simulator.unassignedTitle')}</h3>
        <p>{t('analytics.simulator.unassignedNote')}</p>
        {result.notes['unassigned'] ? (
          <p className="analytics-note__server">
            {t('analytics.simulator.serverNote')} <q lang="en">{result.notes['unassigned']}</q>
          </p>
        ) : null}
      </div>
      <details className="analytics-notes">
        <summary>{t('analytics.simulator.allNotes')}</summary>
        <dl>
          {Object.entries(result.notes).map(([key, note]) => (
            <div key={key}>
              <dt>{knownNotes.includes(key) ? t(`analytics.simulator.noteKey.${key}`) : key}</dt>
              <dd lang="en">{note}</dd>
            </div>
          ))}
        </dl>
      </details>

      <h3>{t('analytics.simulator.overviewTitle')}</h3>
      <p className="muted small">{t('analytics.simulator.overviewHint')}</p>
      <div className="table-scroll">
        <table className="table table--compact analytics-overview">
          <caption className="visually-hidden">{t('analytics.simulator.overviewCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('analytics.simulator.measure')}</th>
              {result.mechanisms.map((m) => (
                <th scope="col" key={m.mechanism}>
                  {mechanismName(m)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {measureKeys.map((key) => (
              <tr key={key}>
                <th scope="row">
                  {t(`analytics.measure.${key}.short`)}
                  <span className="analytics-better"> {t(`analytics.better.${measureFormats[key].better}`)}</span>
                </th>
                {result.mechanisms.map((m) => (
                  <td key={m.mechanism} className="num">
                    {measureFormats[key].format(m[key].mean, lang)}
                    <span className="analytics-spread">
                      <span className="visually-hidden">{t('analytics.simulator.spreadLabel')} </span>
                      {spreadText(key, m)}
                    </span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <div className="analytics-charts">
        {measureKeys.map((key) => {
          const f = measureFormats[key].format;
          const title = t(`analytics.measure.${key}.name`);
          return (
            <ChartFigure
              key={key}
              title={title}
              description={`${t(`analytics.measure.${key}.about`)} ${t(`analytics.better.${measureFormats[key].better}Sentence`)}`}
              chart={
                <RangeChart
                  label={t('analytics.chart.rangeLabel', { title })}
                  formatTick={(v) => measureFormats[key].tick(v, lang)}
                  rows={result.mechanisms.map((m) => ({
                    key: m.mechanism,
                    label: mechanismName(m),
                    mean: m[key].mean,
                    low: m[key].p5,
                    high: m[key].p95,
                    meanText: f(m[key].mean, lang),
                    rangeText: m[key].p5 === m[key].p95 ? '' : t('analytics.simulator.rangeShort', { low: f(m[key].p5, lang), high: f(m[key].p95, lang) }),
                  }))}
                />
              }
              table={
                <table className="table table--compact">
                  <caption className="visually-hidden">{title}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('analytics.simulator.policy')}</th>
                      <th scope="col" className="num">{t('analytics.stat.mean')}</th>
                      <th scope="col" className="num">{t('analytics.stat.p5')}</th>
                      <th scope="col" className="num">{t('analytics.stat.p50')}</th>
                      <th scope="col" className="num">{t('analytics.stat.p95')}</th>
                      <th scope="col" className="num">{t('analytics.stat.sd')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {result.mechanisms.map((m) => (
                      <tr key={m.mechanism}>
                        <th scope="row">{mechanismName(m)}</th>
                        <td className="num">{f(m[key].mean, lang)}</td>
                        <td className="num">{f(m[key].p5, lang)}</td>
                        <td className="num">{f(m[key].p50, lang)}</td>
                        <td className="num">{f(m[key].p95, lang)}</td>
                        <td className="num">{f(m[key].sd, lang)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              }
            />
          );
        })}
      </div>
    </section>
  );
}
