import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyIncident, incidentFormSchema, toIncidentBody } from './incident-form';

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-28T12:00:00Z'));
});
afterEach(() => vi.useRealTimers());

describe('incident form', () => {
  it('needs a school or an institution and a description', () => {
    const r = incidentFormSchema.safeParse({ ...emptyIncident(), description: ' ' });
    expect(r.success).toBe(false);
    const paths = r.error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(paths).toContain('school_id');
    expect(paths).toContain('description');
  });
  it('refuses a date in the future', () => {
    const r = incidentFormSchema.safeParse({ ...emptyIncident(), occurred_on: '2026-12-01', school_id: '1', description: 'x' });
    expect(r.error?.issues[0]?.message).toBe('validation.dateInFuture');
  });
  it('sends only the chosen place', () => {
    const v = incidentFormSchema.parse({
      ...emptyIncident([7]),
      where: 'institution',
      school_id: '3',
      institution: ' Úřad ',
      description: ' Popis ',
    });
    expect(toIncidentBody(v)).toEqual({
      occurred_on: '2026-11-28',
      type: 'discouraged_from_enrolling',
      school_id: null,
      institution: 'Úřad',
      description: 'Popis',
      person_ids: [7],
    });
  });
});
