// Indicator values as text: numbers in the reader's language, hidden small cells, unavailable figures.
import type { TFunction } from 'i18next';
import { formatNumber, type AppLanguage } from '@/lib/format';

export function valueText(value: number | null, suppressed: boolean | undefined, lang: AppLanguage, t: TFunction): string {
  if (suppressed) return t('reports.suppressed');
  if (value === null) return '–';
  return formatNumber(Math.round(value * 100) / 100, lang);
}

export function indicatorName(item: { name_cs: string; name_en: string }, lang: AppLanguage): string {
  return lang === 'cs' ? item.name_cs : item.name_en;
}

export function breakdownLabel(key: string, t: TFunction): string {
  return t(`reports.keys.${key}`, { defaultValue: key });
}
