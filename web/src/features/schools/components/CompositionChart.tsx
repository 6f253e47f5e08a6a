// Composition over school years: Roma share (solid line, circles) and socially disadvantaged share
// (dashed line, squares) against the thresholds as labelled horizontal rules. The table beside it
// carries the same numbers, so the picture is never the only source.
import { useTranslation } from 'react-i18next';
import { useLanguage } from '@/lib/use-language';
import { formatShare } from '../lib/composition';
import { schoolYearLabel, type CompositionEstimate, type Thresholds } from '../types';

const W = 440;
const H = 240;
const PAD = { left: 44, right: 96, top: 12, bottom: 30 };

export function CompositionChart({ points, thresholds }: { points: readonly CompositionEstimate[]; thresholds: Thresholds }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (points.length <= 1 ? plotW / 2 : (i / (points.length - 1)) * plotW);
  const y = (v: number) => PAD.top + plotH - v * plotH;
  const line = (pick: (e: CompositionEstimate) => number | null) => {
    let d = '';
    let open = false;
    points.forEach((e, i) => {
      const v = pick(e);
      if (v === null) {
        open = false;
        return;
      }
      d += `${open ? ' L' : ' M'} ${x(i).toFixed(1)} ${y(v).toFixed(1)}`;
      open = true;
    });
    return d.trim();
  };
  const roma = line((e) => e.roma_share);
  const disadvantaged = line((e) => e.disadvantaged_share);
  const rules = [
    { key: 'more_than_third', value: thresholds.more_than_third },
    { key: 'more_than_half', value: thresholds.more_than_half },
    { key: 'almost_all', value: thresholds.almost_all },
  ] as const;
  const labelEvery = Math.max(1, Math.ceil(points.length / 5));
  const description = points
    .map((e) =>
      t('schools.composition.chartPoint', {
        year: schoolYearLabel(e.school_year),
        roma: formatShare(e.roma_share, lang),
        disadvantaged: formatShare(e.disadvantaged_share, lang),
      }),
    )
    .join('; ');
  return (
    <div className="composition-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`${t('schools.composition.chartLabel')}: ${description}`} focusable="false">
        {[0, 0.25, 0.5, 0.75, 1].map((tick) => (
          <g key={tick} className="composition-chart__grid">
            <line x1={PAD.left} x2={W - PAD.right} y1={y(tick)} y2={y(tick)} />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end">
              {formatShare(tick, lang)}
            </text>
          </g>
        ))}
        {rules.map((r) => (
          <g key={r.key} className="composition-chart__threshold">
            <line x1={PAD.left} x2={W - PAD.right} y1={y(r.value)} y2={y(r.value)} />
            <text x={W - PAD.right + 4} y={y(r.value) + 4}>
              {t(`schools.composition.rule.${r.key}`)}
            </text>
          </g>
        ))}
        {points.map((e, i) =>
          i % labelEvery === 0 || i === points.length - 1 ? (
            <text key={e.school_year} className="composition-chart__year" x={x(i)} y={H - 10} textAnchor="middle">
              {schoolYearLabel(e.school_year)}
            </text>
          ) : null,
        )}
        {roma ? <path className="composition-chart__roma" d={roma} fill="none" /> : null}
        {disadvantaged ? <path className="composition-chart__disadvantaged" d={disadvantaged} fill="none" strokeDasharray="6 4" /> : null}
        {points.map((e, i) =>
          e.roma_share === null ? null : (
            <circle key={`r${e.id}`} className="composition-chart__roma-point" cx={x(i)} cy={y(e.roma_share)} r={4.5} />
          ),
        )}
        {points.map((e, i) =>
          e.disadvantaged_share === null ? null : (
            <rect
              key={`d${e.id}`}
              className="composition-chart__disadvantaged-point"
              x={x(i) - 4}
              y={y(e.disadvantaged_share) - 4}
              width={8}
              height={8}
            />
          ),
        )}
      </svg>
      <ul className="composition-chart__legend" aria-hidden="true">
        <li>
          <svg viewBox="0 0 28 12" width="28" height="12">
            <path className="composition-chart__roma" d="M 1 6 L 27 6" fill="none" />
            <circle className="composition-chart__roma-point" cx={14} cy={6} r={4} />
          </svg>{' '}
          {t('schools.composition.roma')}
        </li>
        <li>
          <svg viewBox="0 0 28 12" width="28" height="12">
            <path className="composition-chart__disadvantaged" d="M 1 6 L 27 6" fill="none" strokeDasharray="6 4" />
            <rect className="composition-chart__disadvantaged-point" x={10} y={2} width={8} height={8} />
          </svg>{' '}
          {t('schools.composition.disadvantaged')}
        </li>
        <li>
          <svg viewBox="0 0 28 12" width="28" height="12">
            <path className="composition-chart__threshold-line" d="M 1 6 L 27 6" fill="none" strokeDasharray="2 3" />
          </svg>{' '}
          {t('schools.composition.thresholdLegend')}
        </li>
      </ul>
    </div>
  );
}
