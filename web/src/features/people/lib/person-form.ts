// The person form: its values, the rules the server enforces (mirrored so the form can say what is wrong
// before sending), and the request bodies built from it.
import { z } from 'zod';
import { isIsoDate, todayIso } from '@/lib/dates';
import { contactLanguages, genders, labourStatuses, personRoles, type Person } from '../types';
import { parseRodneCislo } from './rodne-cislo';

export const personFormSchema = z
  .object({
    role: z.enum(personRoles),
    given_names: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
    surname: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
    preferred_name: z.string().trim().max(200, 'validation.tooLong'),
    birth_date: z.string(),
    gender: z.enum(genders),
    /** Empty: none (new person) or keep the stored one (edit). */
    rodne_cislo: z.string().trim(),
    nationality: z.string().trim(),
    /** '' or '0'…'8' (ISCED level; adults only). */
    education_isced: z.string(),
    labour_status: z.union([z.enum(labourStatuses), z.literal('')]),
    /** One phone number per line or separated by commas. */
    phones: z.string(),
    email: z.string().trim(),
    preferred_language: z.enum(contactLanguages),
    interpreter_needed: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (!isIsoDate(v.birth_date)) ctx.addIssue({ code: 'custom', path: ['birth_date'], message: 'validation.dateInvalid' });
    else if (v.birth_date > todayIso()) ctx.addIssue({ code: 'custom', path: ['birth_date'], message: 'validation.dateInFuture' });
    if (v.rodne_cislo !== '') {
      const rc = parseRodneCislo(v.rodne_cislo);
      if (!rc.ok) ctx.addIssue({ code: 'custom', path: ['rodne_cislo'], message: `people.validation.rc.${rc.problem}` });
      else if (isIsoDate(v.birth_date) && rc.birthDate !== v.birth_date) {
        ctx.addIssue({ code: 'custom', path: ['rodne_cislo'], message: 'people.validation.rc.birthDateMismatch' });
      }
    }
    if (v.nationality !== '' && !/^[A-Za-z]{2}$/.test(v.nationality)) {
      ctx.addIssue({ code: 'custom', path: ['nationality'], message: 'people.validation.nationality' });
    }
    if (v.email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email)) {
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'people.validation.email' });
    }
  });
export type PersonFormValues = z.infer<typeof personFormSchema>;

/** Fields of the form, in the order a server error should focus them. */
export const personFormFields = [
  'given_names',
  'surname',
  'preferred_name',
  'role',
  'birth_date',
  'gender',
  'rodne_cislo',
  'nationality',
  'education_isced',
  'labour_status',
  'phones',
  'email',
  'preferred_language',
  'interpreter_needed',
] as const;

export const emptyPersonForm: PersonFormValues = {
  role: 'child',
  given_names: '',
  surname: '',
  preferred_name: '',
  birth_date: '',
  gender: 'not_stated',
  rodne_cislo: '',
  nationality: '',
  education_isced: '',
  labour_status: '',
  phones: '',
  email: '',
  preferred_language: 'cs',
  interpreter_needed: false,
};

export function valuesFromPerson(p: Person): PersonFormValues {
  return {
    role: p.role,
    given_names: p.given_names,
    surname: p.surname,
    preferred_name: p.preferred_name ?? '',
    birth_date: p.birth_date,
    gender: p.gender,
    rodne_cislo: '',
    nationality: p.nationality ?? '',
    education_isced: p.education_isced === null ? '' : String(p.education_isced),
    labour_status: p.labour_status ?? '',
    phones: p.contact.phones.join('\n'),
    email: p.contact.email ?? '',
    preferred_language: p.contact.preferred_language,
    interpreter_needed: p.contact.interpreter_needed,
  };
}

export type PersonContactBody = {
  phones: string[];
  email: string | null;
  preferred_language: PersonFormValues['preferred_language'];
  interpreter_needed: boolean;
};

/** Everything the form edits, as the API names it (rodne_cislo left out: it is sent only when typed). */
export type PersonFields = {
  role: PersonFormValues['role'];
  given_names: string;
  surname: string;
  preferred_name: string | null;
  birth_date: string;
  gender: PersonFormValues['gender'];
  nationality: string | null;
  education_isced: number | null;
  labour_status: Exclude<PersonFormValues['labour_status'], ''> | null;
  contact: PersonContactBody;
};

function splitPhones(text: string): string[] {
  return text
    .split(/[\n,;]/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function fieldsFromValues(v: PersonFormValues): PersonFields {
  const adult = v.role === 'adult';
  return {
    role: v.role,
    given_names: v.given_names.trim(),
    surname: v.surname.trim(),
    preferred_name: v.preferred_name.trim() || null,
    birth_date: v.birth_date,
    gender: v.gender,
    nationality: v.nationality.trim() ? v.nationality.trim().toUpperCase() : null,
    // Education and labour status are ESF+ data about adults only.
    education_isced: adult && v.education_isced !== '' ? Number(v.education_isced) : null,
    labour_status: adult && v.labour_status !== '' ? v.labour_status : null,
    contact: {
      phones: splitPhones(v.phones),
      email: v.email.trim() || null,
      preferred_language: v.preferred_language,
      interpreter_needed: v.interpreter_needed,
    },
  };
}

export function fieldsFromPerson(p: Person): PersonFields {
  return fieldsFromValues(valuesFromPerson(p));
}

export type CreatePersonBody = Partial<PersonFields> &
  Pick<PersonFields, 'role' | 'given_names' | 'surname' | 'birth_date' | 'gender'> & {
    family_id: number;
    rodne_cislo?: string;
    confirm_not_duplicate?: boolean;
  };

export function toCreateBody(familyId: number, v: PersonFormValues, confirmNotDuplicate = false): CreatePersonBody {
  const fields = fieldsFromValues(v);
  const body: CreatePersonBody = { family_id: familyId, ...fields };
  if (v.rodne_cislo !== '') body.rodne_cislo = v.rodne_cislo.trim();
  if (confirmNotDuplicate) body.confirm_not_duplicate = true;
  return body;
}

export type PersonPatch = Partial<PersonFields> & { version: number; rodne_cislo?: string };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only what changed relative to `base` goes to the server, with the version it was based on. */
export function buildPersonPatch(base: Person, v: PersonFormValues, version = base.version): PersonPatch {
  const before = fieldsFromPerson(base);
  const after = fieldsFromValues(v);
  const patch: PersonPatch = { version };
  for (const key of Object.keys(after) as (keyof PersonFields)[]) {
    if (!same(before[key], after[key])) Object.assign(patch, { [key]: after[key] });
  }
  if (v.rodne_cislo !== '') patch.rodne_cislo = v.rodne_cislo.trim();
  return patch;
}

/** After a stale edit: my changes (relative to where I started) laid over the version stored now. */
export function mergePersonEdits(base: Person, mine: PersonFormValues, theirs: Person): PersonFormValues {
  const changed = buildPersonPatch(base, mine);
  const merged = { ...fieldsFromPerson(theirs), ...changed };
  const theirsValues = valuesFromPerson(theirs);
  return {
    ...theirsValues,
    role: merged.role,
    given_names: merged.given_names,
    surname: merged.surname,
    preferred_name: merged.preferred_name ?? '',
    birth_date: merged.birth_date,
    gender: merged.gender,
    rodne_cislo: mine.rodne_cislo,
    nationality: merged.nationality ?? '',
    education_isced: changed.education_isced !== undefined ? mine.education_isced : theirsValues.education_isced,
    labour_status: changed.labour_status !== undefined ? mine.labour_status : theirsValues.labour_status,
    phones: changed.contact ? mine.phones : theirsValues.phones,
    email: changed.contact ? mine.email : theirsValues.email,
    preferred_language: changed.contact ? mine.preferred_language : theirsValues.preferred_language,
    interpreter_needed: changed.contact ? mine.interpreter_needed : theirsValues.interpreter_needed,
  };
}
