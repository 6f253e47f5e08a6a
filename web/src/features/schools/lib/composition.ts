// Composition over school years: one point per year (the newest estimate of that year), shares as
// percentages in the reader's conventions.
import type { AppLanguage } from '@/lib/format';
import type { CompositionEstimate, SegregationStatus, Thresholds } from '../types';

/** The newest estimate of each school year, oldest year first. `estimates` may come in any order. */
export function latestPerYear(estimates: readonly CompositionEstimate[]): CompositionEstimate[] {
  const byYear = new Map<number, CompositionEstimate>();
  for (const e of estimates) {
    const seen = byYear.get(e.school_year);
    if (!seen || e.estimated_on > seen.estimated_on || (e.estimated_on === seen.estimated_on && e.id > seen.id)) {
      byYear.set(e.school_year, e);
    }
  }
  return [...byYear.values()].sort((a, b) => a.school_year - b.school_year);
}

/** `34 %` (cs) or `34%` (en); at most one decimal; a dash for no value. */
export function formatShare(share: number | null, lang: AppLanguage): string {
  if (share === null) return '—';
  return new Intl.NumberFormat(lang === 'cs' ? 'cs-CZ' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** The label a share would get under the thresholds (the server's rule: > third, > half, ≥ almost all). */
export function statusForShare(share: number | null, t: Thresholds): SegregationStatus {
  if (share === null) return 'unknown';
  if (share >= t.almost_all) return 'almost_all';
  if (share > t.more_than_half) return 'more_than_half';
  if (share > t.more_than_third) return 'more_than_third';
  return 'below_thresholds';
}
