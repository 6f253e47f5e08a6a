import { describe, expect, it } from 'vitest';
import { schoolYearLabel, schoolYearOf } from '../types';
import { nextStage } from './labels';

describe('enrollment helpers', () => {
  it('names school years and finds the one a date lies in', () => {
    expect(schoolYearLabel(2026)).toBe('2026/27');
    expect(schoolYearLabel(2099)).toBe('2099/00');
    expect(schoolYearOf('2026-11-28')).toBe(2026);
    expect(schoolYearOf('2027-04-15')).toBe(2026);
    expect(schoolYearOf('2026-09-01')).toBe(2026);
  });

  it('suggests the next stage, skipping the appeal after an admission', () => {
    expect(nextStage('preparation', null)).toBe('application_filed');
    expect(nextStage('delivery', 'not_admitted')).toBe('appeal');
    expect(nextStage('delivery', 'admitted')).toBe('started_attending');
    expect(nextStage('attending_12_months', 'admitted')).toBe('attending_12_months');
  });
});
