// Calendar dates as the server sends them (YYYY-MM-DD): validity, "today" in Brno, ages.
import { APP_TIME_ZONE } from './format';

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD (no 31 April, 29 February only in leap years). */
export function isIsoDate(value: string): boolean {
  const match = isoDatePattern.exec(value);
  if (!match) return false;
  const [, y, m, d] = match;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  return date.getUTCFullYear() === Number(y) && date.getUTCMonth() === Number(m) - 1 && date.getUTCDate() === Number(d);
}

/** Today's date in Prague as YYYY-MM-DD (the server judges "in the future" by the same calendar). */
export function todayIso(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: APP_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Completed years between a birth date and `on` (both YYYY-MM-DD); null when either is unreadable. */
export function ageInYears(birthDate: string, on: string = todayIso()): number | null {
  if (!isIsoDate(birthDate) || !isIsoDate(on)) return null;
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number];
  let age = oy - by;
  if (om < bm || (om === bm && od < bd)) age -= 1;
  return age < 0 ? null : age;
}
