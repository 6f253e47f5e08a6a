// Progress per competence domain over time: our own SVG (levels 1–4 on the y axis, assessments in
// date order on the x axis), one line per domain, and the same numbers in a table.
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';
import { localName, type Progress } from '../types';

const W = 340;
const H = 180;
const PAD = 28;
const COLORS = ['#1f5fbf', '#b5481b', '#2d7d46', '#7a3fa0', '#8a6d00', '#0f7c8a'];

export function ProgressChart({ progress }: { progress: Progress }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const dates = [...new Set(progress.domains.flatMap((d) => d.points.map((p) => p.date)))].sort();
  if (dates.length === 0) return <p>{t('activities.progress.none')}</p>;
  const x = (date: string) => PAD + (dates.length === 1 ? (W - 2 * PAD) / 2 : (dates.indexOf(date) * (W - 2 * PAD)) / (dates.length - 1));
  const y = (level: number) => H - PAD - ((level - 1) * (H - 2 * PAD)) / 3;
  return (
    <figure className="progress-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('activities.progress.chartLabel')} style={{ maxWidth: '100%' }}>
        {[1, 2, 3, 4].map((l) => (
          <g key={l}>
            <line x1={PAD} x2={W - PAD} y1={y(l)} y2={y(l)} stroke="#ddd" />
            <text x={4} y={y(l) + 4} fontSize="10">
              {l}
            </text>
          </g>
        ))}
        {progress.domains.map((d, i) => (
          <polyline
            key={d.code}
            fill="none"
            stroke={COLORS[i % COLORS.length]}
            strokeWidth={2}
            points={d.points.map((p) => `${x(p.date)},${y(p.level)}`).join(' ')}
          />
        ))}
      </svg>
      <figcaption>
        <table className="table table--compact">
          <caption>{t('activities.progress.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('activities.progress.domain')}</th>
              {dates.map((d) => (
                <th scope="col" key={d}>
                  {formatDate(d, lang)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {progress.domains.map((d, i) => (
              <tr key={d.code}>
                <th scope="row">
                  <span aria-hidden="true" style={{ color: COLORS[i % COLORS.length] }}>
                    ●{' '}
                  </span>
                  {localName(d, lang)}
                </th>
                {dates.map((date) => {
                  const p = d.points.find((q) => q.date === date);
                  return <td key={date}>{p ? formatNumber(Math.round(p.level * 10) / 10, lang) : '–'}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </figcaption>
    </figure>
  );
}
