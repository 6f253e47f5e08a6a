// Linear scales and "nice" axis ends for the small charts.

/** A round number ≥ value (1, 2, 2.5, 5 × 10^k), so axis ends read well. */
export function niceCeil(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const steps = [1, 2, 2.5, 5, 10];
  for (const step of steps) if (value <= step * power + 1e-12) return step * power;
  return 10 * power;
}

/** Position 0–100 (%) of `value` on [min, max], clamped. */
export function toPercent(value: number, min: number, max: number): number {
  if (max <= min) return 0;
  return Math.min(100, Math.max(0, ((value - min) / (max - min)) * 100));
}
