// Lines with points over a few ordered categories (school years). Each series has its own marker
// shape and dash pattern, named in the legend and at the line's end, so colour is never the only cue.
import { niceCeil } from './scale';

export type LineSeries = {
  key: string;
  label: string;
  /** One value per category; null leaves a gap. */
  values: (number | null)[];
};

type LineChartProps = {
  categories: string[];
  series: LineSeries[];
  label: string;
  formatTick: (value: number) => string;
};

const W = 420;
const H = 230;
const PAD = { left: 56, right: 40, top: 14, bottom: 34 };
const shapes = ['circle', 'square', 'triangle', 'diamond'] as const;
const dashes = ['', '6 4', '2 3', '8 3 2 3'];

function Marker({ shape, x, y }: { shape: (typeof shapes)[number]; x: number; y: number }) {
  switch (shape) {
    case 'circle':
      return <circle cx={x} cy={y} r={4.5} />;
    case 'square':
      return <rect x={x - 4} y={y - 4} width={8} height={8} />;
    case 'triangle':
      return <polygon points={`${x},${y - 5.5} ${x + 5},${y + 4} ${x - 5},${y + 4}`} />;
    default:
      return <polygon points={`${x},${y - 5.5} ${x + 5},${y} ${x},${y + 5.5} ${x - 5},${y}`} />;
  }
}

export function LineChart({ categories, series, label, formatTick }: LineChartProps) {
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = niceCeil(Math.max(0, ...all));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (categories.length <= 1 ? plotW / 2 : (i / (categories.length - 1)) * plotW);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const ticks = [0, max / 4, max / 2, (3 * max) / 4, max];
  const labelEvery = Math.max(1, Math.ceil(categories.length / 6));
  return (
    <div className="line-chart">
      <svg className="line-chart__svg" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label} focusable="false">
        {ticks.map((tick) => (
          <g key={tick} className="line-chart__grid">
            <line x1={PAD.left} x2={W - PAD.right} y1={y(tick)} y2={y(tick)} />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end">
              {formatTick(tick)}
            </text>
          </g>
        ))}
        {categories.map((c, i) =>
          i % labelEvery === 0 || i === categories.length - 1 ? (
            <text
              key={c}
              className="line-chart__category"
              x={x(i)}
              y={H - 12}
              textAnchor="middle"
            >
              {c}
            </text>
          ) : null,
        )}
        {series.map((s, si) => {
          const points = s.values.map((v, i) => (v === null ? null : { x: x(i), y: y(v) }));
          const segments: string[] = [];
          let current = '';
          for (const p of points) {
            if (p === null) {
              if (current) segments.push(current);
              current = '';
            } else current += `${current ? ' L' : 'M'} ${p.x.toFixed(1)} ${p.y.toFixed(1)}`;
          }
          if (current) segments.push(current);
          const last = [...points].reverse().find((p) => p !== null);
          return (
            <g key={s.key} className={`line-chart__series line-chart__series--${si}`}>
              {segments.map((d) => (
                <path key={d} d={d} fill="none" strokeDasharray={dashes[si % dashes.length]} />
              ))}
              {points.map((p, i) => (p ? <Marker key={i} shape={shapes[si % shapes.length]!} x={p.x} y={p.y} /> : null))}
              {last ? (
                <text className="line-chart__end-label" x={last.x + 8} y={last.y + 4}>
                  {s.label}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <ul className="line-chart__legend" aria-hidden="true">
        {series.map((s, si) => (
          <li key={s.key}>
            <svg viewBox="0 0 28 12" width="28" height="12" className={`line-chart__series line-chart__series--${si}`}>
              <path d="M 1 6 L 27 6" fill="none" strokeDasharray={dashes[si % dashes.length]} />
              <Marker shape={shapes[si % shapes.length]!} x={14} y={6} />
            </svg>{' '}
            {s.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
