// Horizontal bars on a shared scale from 0, with each bar's label and value written beside it.
import { niceCeil, toPercent } from './scale';

export type BarRow = { key: string; label: string; value: number; valueText: string };

type BarChartProps = {
  rows: BarRow[];
  label: string;
  formatTick: (value: number) => string;
};

export function BarChart({ rows, label, formatTick }: BarChartProps) {
  const max = niceCeil(Math.max(0, ...rows.map((r) => r.value)));
  return (
    <div className="hchart" role="img" aria-label={label}>
      {rows.map((row) => (
        <div className="hchart__row" key={row.key} aria-hidden="true">
          <span className="hchart__label">{row.label}</span>
          <svg className="hchart__plot" viewBox="0 0 100 24" preserveAspectRatio="none" focusable="false">
            <rect className="hchart__track" x="0" y="10" width="100" height="4" />
            <rect className="hchart__bar" x="0" y="4" width={Math.max(toPercent(row.value, 0, max), 0.4)} height="16" />
          </svg>
          <span className="hchart__value">{row.valueText}</span>
        </div>
      ))}
      <div className="hchart__axis" aria-hidden="true">
        <span className="hchart__label" />
        <span className="hchart__ticks">
          <span>{formatTick(0)}</span>
          <span>{formatTick(max)}</span>
        </span>
        <span className="hchart__value" />
      </div>
    </div>
  );
}
