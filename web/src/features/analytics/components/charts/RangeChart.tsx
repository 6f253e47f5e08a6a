// Range bars: for each row a bar from the 5th to the 95th percentile and a tick at the mean,
// on one shared scale from 0. Labels and values are text beside the bar, never colour alone.
import { useTranslation } from 'react-i18next';
import { niceCeil, toPercent } from './scale';

export type RangeRow = {
  key: string;
  label: string;
  mean: number;
  low: number;
  high: number;
  /** The mean as the page formats it. */
  meanText: string;
  /** The 5–95 % spread as text, e.g. "0,74–0,76". */
  rangeText: string;
};

type RangeChartProps = {
  rows: RangeRow[];
  /** Read aloud in place of the picture. */
  label: string;
  formatTick: (value: number) => string;
};

export function RangeChart({ rows, label, formatTick }: RangeChartProps) {
  const { t } = useTranslation();
  const lowest = Math.min(0, ...rows.map((r) => r.low));
  const max = niceCeil(Math.max(...rows.map((r) => r.high), 0));
  const min = lowest < 0 ? -niceCeil(-lowest) : 0;
  return (
    <div className="hchart" role="img" aria-label={label}>
      {rows.map((row) => {
        const from = toPercent(row.low, min, max);
        const to = toPercent(row.high, min, max);
        const at = toPercent(row.mean, min, max);
        return (
          <div className="hchart__row" key={row.key} aria-hidden="true">
            <span className="hchart__label">{row.label}</span>
            <svg className="hchart__plot" viewBox="0 0 100 24" preserveAspectRatio="none" focusable="false">
              <rect className="hchart__track" x="0" y="10" width="100" height="4" />
              <rect className="hchart__range" x={from} y="6" width={Math.max(to - from, 0.4)} height="12" />
              <line className="hchart__mean" x1={at} x2={at} y1="1" y2="23" vectorEffect="non-scaling-stroke" />
            </svg>
            <span className="hchart__value">
              {row.meanText}
              {row.rangeText ? <span className="hchart__range-text"> ({row.rangeText})</span> : null}
            </span>
          </div>
        );
      })}
      <div className="hchart__axis" aria-hidden="true">
        <span className="hchart__label" />
        <span className="hchart__ticks">
          <span>{formatTick(min)}</span>
          <span>{formatTick(max)}</span>
        </span>
        <span className="hchart__value" />
      </div>
      <p className="hchart__legend" aria-hidden="true">
        <span className="hchart__legend-mean" /> {t('analytics.chart.meanTick')}
        <span className="hchart__legend-range" /> {t('analytics.chart.rangeBar')}
      </p>
    </div>
  );
}
