import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatIsoDate, formatNumber, formatTime } from './format';

// 20:05 UTC on 28 November is 21:05 in Prague (CET, UTC+1); in July Prague is UTC+2.
const winter = '2026-11-28T20:05:00Z';
const summer = '2026-07-03T06:30:00Z';

describe('Czech formats', () => {
  it('writes dates as "28. 11. 2026"', () => {
    expect(formatDate(winter, 'cs')).toBe('28. 11. 2026');
  });

  it('uses the 24-hour clock in Prague time', () => {
    expect(formatTime(winter, 'cs')).toBe('21:05');
    expect(formatTime(summer, 'cs')).toBe('08:30');
    expect(formatTime('2026-11-28T13:30:00Z', 'cs')).toBe('14:30');
  });

  it('joins date and time', () => {
    expect(formatDateTime(winter, 'cs')).toBe('28. 11. 2026 21:05');
  });

  it('groups thousands with a space and uses a decimal comma', () => {
    expect(formatNumber(1234.5, 'cs').replace(/\s/g, ' ')).toBe('1 234,5');
  });

  it('keeps a date-only value on its calendar day', () => {
    expect(formatIsoDate('2026-03-29', 'cs')).toBe('29. 3. 2026');
  });

  it('shows the date in Prague even when UTC is still on the previous day', () => {
    expect(formatDate('2026-12-31T23:30:00Z', 'cs')).toBe('1. 1. 2027');
  });
});

describe('English formats', () => {
  it('writes an unambiguous day month year and a 24-hour time', () => {
    expect(formatDate(winter, 'en')).toBe('28 Nov 2026');
    expect(formatDateTime(winter, 'en')).toBe('28 Nov 2026 21:05');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
  });
});

describe('bad input', () => {
  it('returns a value it cannot read unchanged rather than "Invalid Date"', () => {
    expect(formatDate('not a date', 'cs')).toBe('not a date');
  });
});
