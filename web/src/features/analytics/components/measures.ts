// How each simulator measure reads: its number format and which way is better.
import type { AppLanguage } from '@/lib/format';
import type { MeasureKey } from '../api/simulate';
import { formatFixed, formatShare } from '../lib/numbers';

export type MeasureFormat = {
  format: (value: number, lang: AppLanguage) => string;
  /** Shorter, for the ends of a chart's axis. */
  tick: (value: number, lang: AppLanguage) => string;
  better: 'lower' | 'higher';
};

const index = (value: number, lang: AppLanguage) => formatFixed(value, lang, 3);
const km = (value: number, lang: AppLanguage) => formatFixed(value, lang, 2);
const count = (value: number, lang: AppLanguage) => formatFixed(value, lang, 1);
const tick = (value: number, lang: AppLanguage) => formatFixed(value, lang, Number.isInteger(value) ? 0 : value >= 0.1 ? 1 : 2);

export const measureFormats: Record<MeasureKey, MeasureFormat> = {
  M: { format: index, tick, better: 'lower' },
  H: { format: index, tick, better: 'lower' },
  D: { format: index, tick, better: 'lower' },
  first_choice_share: { format: (v, lang) => formatShare(v, lang, 1), tick: (v, lang) => formatShare(v, lang, 0), better: 'higher' },
  unassigned: { format: count, tick, better: 'lower' },
  mean_distance_km: { format: km, tick, better: 'lower' },
  p90_distance_km: { format: km, tick, better: 'lower' },
  schools_over_third_minority: { format: count, tick, better: 'lower' },
};
