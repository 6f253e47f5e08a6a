// Numbers as the analytics pages show them: Czech `0,785` and `1 234,5`, English `0.785`;
// fixed decimals so a column of indices lines up.
import type { AppLanguage } from '@/lib/format';

const intlLocale: Record<AppLanguage, string> = { cs: 'cs-CZ', en: 'en-GB' };

export function formatFixed(value: number | null | undefined, lang: AppLanguage, digits: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(intlLocale[lang], {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** A share 0–1 as a percentage: `25,8 %` (cs) or `25.8%` (en). */
export function formatShare(value: number | null | undefined, lang: AppLanguage, digits = 1): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  return new Intl.NumberFormat(intlLocale[lang], {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}

/** A whole count with thousands grouped: `4 300`. */
export function formatCount(value: number, lang: AppLanguage): string {
  return new Intl.NumberFormat(intlLocale[lang], { maximumFractionDigits: 0 }).format(value);
}
