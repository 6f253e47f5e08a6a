// The person record and its parts as the registry API sends them (notes/registry-api.md).
import { z } from 'zod';

export const idSchema = z.number().int();

export const personRoles = ['child', 'adult'] as const;
export const genders = ['female', 'male', 'non_binary', 'not_stated'] as const;
export const labourStatuses = ['employed', 'unemployed', 'long_term_unemployed', 'inactive', 'in_education'] as const;
export const contactLanguages = ['cs', 'rom', 'sk', 'other'] as const;
export const relationshipTypes = ['mother', 'father', 'legal_guardian', 'grandparent', 'sibling', 'other'] as const;
export const yesNoNotStated = ['yes', 'no', 'not_stated'] as const;
export const consentPurposes = ['casework', 'school_sharing', 'funder_reporting', 'publication', 'special_category'] as const;
export const consentStatuses = ['valid', 'expired', 'withdrawn'] as const;
export const consentForms = ['signed_paper', 'recorded_verbal'] as const;
export const consentGivers = ['self', 'legal_representative'] as const;
export const specialCategories = ['roma_minority', 'disability', 'health'] as const;
export const specialValues = ['yes', 'no', 'refused', 'not_stated'] as const;
/** ESF+ entry data asked at entry, each yes / no / not stated. */
export const participationFlags = ['third_country_national', 'foreign_background', 'housing_exclusion', 'rural'] as const;

export type PersonRole = (typeof personRoles)[number];
export type Gender = (typeof genders)[number];
export type LabourStatus = (typeof labourStatuses)[number];
export type ContactLanguage = (typeof contactLanguages)[number];
export type RelationshipType = (typeof relationshipTypes)[number];
export type YesNoNotStated = (typeof yesNoNotStated)[number];
export type ParticipationFlag = (typeof participationFlags)[number];

export const personSummarySchema = z.object({
  id: idSchema,
  role: z.enum(personRoles),
  given_names: z.string(),
  surname: z.string(),
  preferred_name: z.string().nullable(),
  birth_date: z.string(),
  gender: z.enum(genders),
});
export type PersonSummary = z.infer<typeof personSummarySchema>;

export const relationshipSchema = z.object({
  id: idSchema,
  other_person_id: idSchema,
  other_name: z.string(),
  type: z.enum(relationshipTypes),
  legal_representative: z.boolean(),
});
export type Relationship = z.infer<typeof relationshipSchema>;

const yesNo = z.enum(yesNoNotStated);

export const participationSchema = z.object({
  id: idSchema,
  version: z.number().int(),
  entry_date: z.string(),
  exit_date: z.string().nullable(),
  exit_reason: z.string().nullable(),
  third_country_national: yesNo,
  foreign_background: yesNo,
  housing_exclusion: yesNo,
  rural: yesNo,
});
export type Participation = z.infer<typeof participationSchema>;

export const consentSchema = z.object({
  id: idSchema,
  purpose: z.enum(consentPurposes),
  school: z.string().nullable(),
  given_by: z.enum(consentGivers),
  representative_id: idSchema.nullable(),
  given_on: z.string(),
  form: z.enum(consentForms),
  expires_on: z.string().nullable(),
  withdrawn_on: z.string().nullable(),
  status: z.enum(consentStatuses),
});
export type Consent = z.infer<typeof consentSchema>;

export const specialItemSchema = z.object({
  id: idSchema,
  category: z.enum(specialCategories),
  value: z.enum(specialValues),
  note: z.string().nullable(),
  recorded_on: z.string(),
  recorded_by: z.string().nullable(),
  consent_id: idSchema.nullable(),
});
export type SpecialItem = z.infer<typeof specialItemSchema>;

export const personContactSchema = z.object({
  phones: z.array(z.string()),
  email: z.string().nullable(),
  preferred_language: z.enum(contactLanguages),
  interpreter_needed: z.boolean(),
});

export const personSchema = z.object({
  id: idSchema,
  version: z.number().int(),
  family_id: idSchema,
  role: z.enum(personRoles),
  given_names: z.string(),
  surname: z.string(),
  preferred_name: z.string().nullable(),
  birth_date: z.string(),
  gender: z.enum(genders),
  rodne_cislo: z.string().nullable(),
  nationality: z.string().nullable(),
  education_isced: z.number().int().min(0).max(8).nullable(),
  labour_status: z.enum(labourStatuses).nullable(),
  contact: personContactSchema,
  relationships: z.array(relationshipSchema),
  participation: z.array(participationSchema),
  consents: z.array(consentSchema),
  special_category: z.array(specialItemSchema).nullable(),
  special_category_visible: z.boolean(),
  /** A retention hold: the person cannot be anonymised (coordinator/admin set it). */
  legal_hold: z.boolean().optional(),
  anonymised: z.boolean().optional(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Person = z.infer<typeof personSchema>;

/** "Jana (Janička) Dvořáková": given names, the preferred name in brackets, surname. */
export function personName(p: { given_names: string; surname: string; preferred_name: string | null }): string {
  const preferred = p.preferred_name && p.preferred_name !== p.given_names ? ` (${p.preferred_name})` : '';
  return `${p.given_names}${preferred} ${p.surname}`;
}

/** A row of GET /people: enough to find a person and open their page. */
export const personListItemSchema = z.object({
  id: idSchema,
  given_names: z.string(),
  surname: z.string(),
  preferred_name: z.string().nullable(),
  birth_date: z.string(),
  role: z.enum(personRoles),
  family_id: idSchema,
  family_name: z.string(),
});
export type PersonListItem = z.infer<typeof personListItemSchema>;

/** A merge of a duplicate record into a surviving one; undoable until `undo_until`. */
export const mergeSchema = z.object({
  id: idSchema,
  person_id: idSchema,
  duplicate_id: idSchema,
  merged_at: z.string(),
  merged_by: z.string(),
  undo_until: z.string(),
  undone_at: z.string().nullable(),
  /** Display names of the kept and the merged-away record (older servers sent ids only). */
  person_name: z.string().nullable().optional(),
  duplicate_name: z.string().nullable().optional(),
});
export type Merge = z.infer<typeof mergeSchema>;
