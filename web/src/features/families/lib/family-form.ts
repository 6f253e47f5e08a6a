// The family form: values, the server's rules (closed needs a reason, postal code 5 digits, kód ADM a
// positive whole number), and the request bodies built from it.
import { z } from 'zod';
import type { CreateFamilyBody } from '../api/create-family';
import type { FamilyPatch } from '../api/update-family';
import { familyStatuses, type Address, type Family } from '../types';

export const familyFormSchema = z
  .object({
    name: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
    team: z.string().min(1, 'validation.required'),
    /** '' = nobody. */
    keyworker_id: z.string(),
    status: z.enum(familyStatuses),
    closed_reason: z.string().trim().max(1000, 'validation.tooLong'),
    street: z.string().trim().max(200, 'validation.tooLong'),
    house_number: z.string().trim().max(20, 'validation.tooLong'),
    district: z.string().min(1, 'families.validation.districtRequired'),
    postal_code: z.string().trim(),
    kod_adm: z.string().trim(),
  })
  .superRefine((v, ctx) => {
    if (v.status === 'closed' && v.closed_reason === '') {
      ctx.addIssue({ code: 'custom', path: ['closed_reason'], message: 'families.validation.closedReasonRequired' });
    }
    if (!/^\d{5}$/.test(v.postal_code.replace(/\s/g, ''))) {
      ctx.addIssue({ code: 'custom', path: ['postal_code'], message: 'families.validation.postalCode' });
    }
    if (v.kod_adm !== '' && !/^[1-9]\d*$/.test(v.kod_adm)) {
      ctx.addIssue({ code: 'custom', path: ['kod_adm'], message: 'families.validation.kodAdm' });
    }
  });
export type FamilyFormValues = z.infer<typeof familyFormSchema>;

export const familyFormFields = [
  'name',
  'team',
  'keyworker_id',
  'status',
  'closed_reason',
  'street',
  'house_number',
  'district',
  'postal_code',
  'kod_adm',
] as const;

/** Server names for address fields ("address.postal_code") shown at the form's own fields. */
export const familyFieldAliases = {
  'address.street': 'street',
  'address.house_number': 'house_number',
  'address.district': 'district',
  'address.postal_code': 'postal_code',
  'address.kod_adm': 'kod_adm',
  address: 'street',
} as const;

export function emptyFamilyForm(team: string, keyworkerId: number | null): FamilyFormValues {
  return {
    name: '',
    team,
    keyworker_id: keyworkerId === null ? '' : String(keyworkerId),
    status: 'active',
    closed_reason: '',
    street: '',
    house_number: '',
    district: '',
    postal_code: '',
    kod_adm: '',
  };
}

export function valuesFromFamily(f: Family): FamilyFormValues {
  return {
    name: f.name,
    team: f.team,
    keyworker_id: f.keyworker ? String(f.keyworker.id) : '',
    status: f.status,
    closed_reason: f.closed_reason ?? '',
    street: f.address.street,
    house_number: f.address.house_number,
    district: f.address.district,
    postal_code: f.address.postal_code,
    kod_adm: f.address.kod_adm === null ? '' : String(f.address.kod_adm),
  };
}

export function addressFromValues(v: FamilyFormValues): Address {
  return {
    street: v.street.trim(),
    house_number: v.house_number.trim(),
    district: v.district,
    postal_code: v.postal_code.trim(),
    kod_adm: v.kod_adm === '' ? null : Number(v.kod_adm),
  };
}

export function toCreateFamilyBody(v: FamilyFormValues): CreateFamilyBody {
  return {
    name: v.name.trim(),
    team: v.team,
    address: addressFromValues(v),
    keyworker_id: v.keyworker_id === '' ? null : Number(v.keyworker_id),
    status: v.status,
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only what changed relative to `base`, with the version it was based on. */
export function buildFamilyPatch(base: Family, v: FamilyFormValues, version = base.version): FamilyPatch {
  const before = valuesFromFamily(base);
  const patch: FamilyPatch = { version };
  if (v.name.trim() !== before.name) patch.name = v.name.trim();
  if (v.team !== before.team) patch.team = v.team;
  if (v.keyworker_id !== before.keyworker_id) patch.keyworker_id = v.keyworker_id === '' ? null : Number(v.keyworker_id);
  if (v.status !== before.status) patch.status = v.status;
  const reason = v.status === 'closed' ? v.closed_reason.trim() : '';
  if (reason !== (base.closed_reason ?? '')) patch.closed_reason = reason === '' ? null : reason;
  const address = addressFromValues(v);
  if (!same(address, addressFromValues(before))) patch.address = address;
  return patch;
}

/** After a stale edit: my changes laid over the version stored now. */
export function mergeFamilyEdits(base: Family, mine: FamilyFormValues, theirs: Family): FamilyFormValues {
  const before = valuesFromFamily(base);
  const current = valuesFromFamily(theirs);
  const merged = { ...current };
  for (const key of familyFormFields) {
    if (mine[key] !== before[key]) Object.assign(merged, { [key]: mine[key] });
  }
  return merged;
}
