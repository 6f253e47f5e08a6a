// Incidents of discrimination and barriers as the API sends them (docs/openapi.yaml).
import { z } from 'zod';

export const incidentTypes = [
  'discouraged_from_enrolling',
  'refused',
  'separate_class_or_building',
  'questionable_diagnostic_referral',
  'harassment',
  'antigypsyism_at_office',
  'other',
] as const;
export const actionTypes = ['complaint_csi', 'ombudsman', 'founder', 'appeal', 'other'] as const;
export const incidentStatuses = ['open', 'closed'] as const;
export type IncidentType = (typeof incidentTypes)[number];
export type ActionType = (typeof actionTypes)[number];

const schoolRef = z.object({ id: z.number().int(), name: z.string() }).nullable();

export const evidenceSchema = z.object({
  id: z.number().int(),
  filename: z.string(),
  content_type: z.string(),
  size_bytes: z.number().int(),
  sha256: z.string(),
  note: z.string().nullable(),
  download_url: z.string(),
  created_at: z.string(),
  created_by: z.string(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

export const actionSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  type: z.enum(actionTypes),
  taken_on: z.string().nullable(),
  deadline: z.string().nullable(),
  outcome: z.string().nullable(),
  outcome_on: z.string().nullable(),
  note: z.string().nullable(),
  overdue: z.boolean(),
  created_at: z.string(),
  created_by: z.string(),
  updated_at: z.string(),
});
export type IncidentAction = z.infer<typeof actionSchema>;

export const incidentSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  team: z.string(),
  occurred_on: z.string(),
  type: z.enum(incidentTypes),
  school: schoolRef,
  institution: z.string().nullable(),
  description: z.string(),
  status: z.enum(incidentStatuses),
  people: z.array(z.object({ id: z.number().int(), name: z.string() })),
  evidence: z.array(evidenceSchema),
  actions: z.array(actionSchema),
  created_at: z.string(),
  created_by: z.string(),
  updated_at: z.string(),
});
export type Incident = z.infer<typeof incidentSchema>;

export const incidentListItemSchema = z.object({
  id: z.number().int(),
  occurred_on: z.string(),
  type: z.enum(incidentTypes),
  status: z.enum(incidentStatuses),
  team: z.string(),
  school: schoolRef,
  institution: z.string().nullable(),
  people_count: z.number().int(),
  evidence_count: z.number().int(),
  open_actions: z.number().int(),
  next_deadline: z.string().nullable(),
  updated_at: z.string(),
});
export type IncidentListItem = z.infer<typeof incidentListItemSchema>;

export const incidentPageSchema = z.object({
  items: z.array(incidentListItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  page_size: z.number().int(),
});

export const incidentStatsSchema = z.object({
  rows: z.array(z.object({ school: schoolRef, type: z.string(), count: z.number().int().nullable() })),
  by_type: z.array(z.object({ type: z.string(), count: z.number().int().nullable() })),
  total: z.number().int().nullable(),
  suppressed: z.boolean(),
  suppression_threshold: z.number().int(),
});
export type IncidentStats = z.infer<typeof incidentStatsSchema>;

/** Where it happened: the school's name or the institution. */
export function placeOf(i: { school: { name: string } | null; institution: string | null }): string {
  return i.school?.name ?? i.institution ?? '';
}
