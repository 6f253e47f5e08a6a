// The family record and the list row as the registry API sends them (notes/registry-api.md).
import { z } from 'zod';
import { idSchema, personSummarySchema } from '@/features/people/types';

export const familyStatuses = ['referred', 'active', 'paused', 'closed'] as const;
export type FamilyStatus = (typeof familyStatuses)[number];

export const contactTypes = ['home_visit', 'phone', 'meeting', 'accompaniment', 'message', 'other'] as const;
export type ContactType = (typeof contactTypes)[number];

export const keyworkerSchema = z.object({ id: idSchema, username: z.string() });
export type Keyworker = z.infer<typeof keyworkerSchema>;

// The server sends null for an empty address part (an anonymised family, an import without it).
const addressPart = z
  .string()
  .nullable()
  .transform((v) => v ?? '');

export const addressSchema = z.object({
  street: addressPart,
  house_number: addressPart,
  district: z.string(),
  postal_code: addressPart,
  kod_adm: z.number().int().nullable(),
});
export type Address = z.infer<typeof addressSchema>;

export const familySchema = z.object({
  id: idSchema,
  version: z.number().int(),
  name: z.string(),
  team: z.string(),
  keyworker: keyworkerSchema.nullable(),
  status: z.enum(familyStatuses),
  closed_reason: z.string().nullable(),
  address: addressSchema,
  members: z.array(personSummarySchema),
  /** A retention hold on the whole family (coordinator/admin set it). */
  legal_hold: z.boolean().optional(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Family = z.infer<typeof familySchema>;

export const familyListItemSchema = z.object({
  id: idSchema,
  name: z.string(),
  district: z.string(),
  status: z.enum(familyStatuses),
  keyworker: keyworkerSchema.nullable(),
  team: z.string(),
  members_count: z.number().int(),
  children_count: z.number().int(),
  member_names: z.array(z.string()),
  updated_at: z.string(),
});
export type FamilyListItem = z.infer<typeof familyListItemSchema>;

export const timelineItemSchema = z.object({
  id: idSchema,
  date: z.string(),
  type: z.enum(contactTypes),
  worker: z.string().nullable(),
  summary: z.string(),
  person_ids: z.array(idSchema),
});
export type TimelineItem = z.infer<typeof timelineItemSchema>;
