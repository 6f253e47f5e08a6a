import { describe, expect, it } from 'vitest';
import { makeFamily } from '@/testing/registry-fixtures';
import { buildFamilyPatch, familyFormSchema, mergeFamilyEdits, valuesFromFamily } from './family-form';

describe('family form', () => {
  it('enforces the server rules: closed needs a reason, postal code 5 digits, kód ADM positive', () => {
    const ok = valuesFromFamily(makeFamily());
    expect(familyFormSchema.safeParse(ok).success).toBe(true);
    const bad = familyFormSchema.safeParse({ ...ok, status: 'closed', postal_code: '60 20', kod_adm: '0' });
    expect(bad.success).toBe(false);
    const paths = bad.error?.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['closed_reason', 'kod_adm', 'postal_code']);
    expect(familyFormSchema.safeParse({ ...ok, postal_code: '60200' }).success).toBe(true);
  });

  it('patches only what changed; reopening clears the closed reason', () => {
    const closed = makeFamily({ status: 'closed', closed_reason: 'Odstěhovali se.' });
    expect(buildFamilyPatch(closed, { ...valuesFromFamily(closed), status: 'active' })).toEqual({
      version: 3,
      status: 'active',
      closed_reason: null,
    });
    const family = makeFamily();
    expect(buildFamilyPatch(family, { ...valuesFromFamily(family), keyworker_id: '' })).toEqual({ version: 3, keyworker_id: null });
    expect(buildFamilyPatch(family, { ...valuesFromFamily(family), house_number: '14' })).toEqual({
      version: 3,
      address: { ...family.address, house_number: '14' },
    });
  });

  it('merges my changes over the stored version', () => {
    const base = makeFamily();
    const theirs = makeFamily({ version: 4, status: 'paused' });
    const merged = mergeFamilyEdits(base, { ...valuesFromFamily(base), street: 'Vranovská' }, theirs);
    expect(merged.status).toBe('paused');
    expect(merged.street).toBe('Vranovská');
  });
});
