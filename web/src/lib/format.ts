// Dates and times as people in Brno read them: `28. 11. 2026`, 24-hour clock, Prague time.
// English gets its own conventions (`28 Nov 2026`), also 24-hour and Prague time,
// because every record is about events in Brno whatever the device's zone.

export const APP_TIME_ZONE = 'Europe/Prague';

export type AppLanguage = 'cs' | 'en';

const intlLocale: Record<AppLanguage, string> = { cs: 'cs-CZ', en: 'en-GB' };

function toDate(value: string | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

const dateOptions: Record<AppLanguage, Intl.DateTimeFormatOptions> = {
  cs: { day: 'numeric', month: 'numeric', year: 'numeric' },
  en: { day: 'numeric', month: 'short', year: 'numeric' },
};

const timeOptions: Intl.DateTimeFormatOptions = {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
};

/** `28. 11. 2026` (cs) or `28 Nov 2026` (en); an unreadable value is returned unchanged. */
export function formatDate(value: string | Date, lang: AppLanguage): string {
  const date = toDate(value);
  if (!date) return String(value);
  return new Intl.DateTimeFormat(intlLocale[lang], {
    ...dateOptions[lang],
    timeZone: APP_TIME_ZONE,
  }).format(date);
}

/** `21:05` in both languages. */
export function formatTime(value: string | Date, lang: AppLanguage): string {
  const date = toDate(value);
  if (!date) return String(value);
  return new Intl.DateTimeFormat(intlLocale[lang], { ...timeOptions, timeZone: APP_TIME_ZONE }).format(date);
}

/** `28. 11. 2026 21:05` (cs) or `28 Nov 2026 21:05` (en). */
export function formatDateTime(value: string | Date, lang: AppLanguage): string {
  const date = toDate(value);
  if (!date) return String(value);
  return `${formatDate(date, lang)} ${formatTime(date, lang)}`;
}

/** `1 234,5` (cs, with a no-break space) or `1,234.5` (en). */
export function formatNumber(value: number, lang: AppLanguage): string {
  return new Intl.NumberFormat(intlLocale[lang]).format(value);
}

/** A date-only value from the server (`2026-11-28`) as a local calendar date. */
export function formatIsoDate(value: string, lang: AppLanguage): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return formatDate(value, lang);
  const [, y, m, d] = match;
  // Noon UTC keeps the calendar day the same in Prague in every season.
  return formatDate(new Date(Date.UTC(Number(y), Number(m) - 1, Number(d), 12)), lang);
}
