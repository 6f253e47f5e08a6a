import { describe, expect, it } from 'vitest';
import { ageInYears, isIsoDate, todayIso } from './dates';

describe('dates', () => {
  it('knows real calendar dates', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('28. 11. 2026')).toBe(false);
  });

  it('counts completed years', () => {
    expect(ageInYears('2019-11-29', '2026-11-28')).toBe(6);
    expect(ageInYears('2019-11-28', '2026-11-28')).toBe(7);
    expect(ageInYears('2030-01-01', '2026-11-28')).toBeNull();
  });

  it('takes today in Prague', () => {
    expect(todayIso(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
  });
});
