import { describe, expect, it } from 'vitest';
import type { CompositionEstimate } from '../types';
import { formatShare, latestPerYear, statusForShare } from './composition';

function estimate(overrides: Partial<CompositionEstimate>): CompositionEstimate {
  return {
    id: 1,
    school_id: 7,
    school_year: 2024,
    roma_share: 0.4,
    disadvantaged_share: null,
    source: 'odhad vedení',
    estimated_on: '2024-10-01',
    confidence: 'medium',
    segregation_status: 'more_than_third',
    created_at: '2024-10-02T08:00:00Z',
    created_by: 'koordinator',
    ...overrides,
  };
}

describe('composition', () => {
  it('keeps the newest estimate per school year, oldest year first', () => {
    const list = [
      estimate({ id: 3, school_year: 2025, estimated_on: '2025-09-20', roma_share: 0.6 }),
      estimate({ id: 2, school_year: 2024, estimated_on: '2025-01-10', roma_share: 0.45 }),
      estimate({ id: 1, school_year: 2024, estimated_on: '2024-10-01', roma_share: 0.4 }),
    ];
    expect(latestPerYear(list).map((e) => [e.school_year, e.id])).toEqual([
      [2024, 2],
      [2025, 3],
    ]);
  });

  it('formats shares in Czech and English', () => {
    expect(formatShare(0.345, 'cs')).toBe('34,5\u00a0%');
    expect(formatShare(0.5, 'en')).toBe('50%');
    expect(formatShare(null, 'cs')).toBe('—');
  });

  it('labels shares by the thresholds: more than a third, more than half, almost all', () => {
    const th = { more_than_third: 1 / 3, more_than_half: 0.5, almost_all: 0.9 };
    expect(statusForShare(0.2, th)).toBe('below_thresholds');
    expect(statusForShare(1 / 3, th)).toBe('below_thresholds');
    expect(statusForShare(0.34, th)).toBe('more_than_third');
    expect(statusForShare(0.5, th)).toBe('more_than_third');
    expect(statusForShare(0.51, th)).toBe('more_than_half');
    expect(statusForShare(0.9, th)).toBe('almost_all');
    expect(statusForShare(null, th)).toBe('unknown');
  });
});
