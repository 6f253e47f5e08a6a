// The reports API's answers (docs/openapi.yaml, "Funder monitoring"), checked with zod.
import { z } from 'zod';

export const cellSchema = z.object({
  key: z.string(),
  value: z.number().nullable(),
  suppressed: z.boolean().optional(),
});

export const indicatorSchema = z.object({
  code: z.string(),
  version: z.number().int(),
  section: z.string(),
  name_cs: z.string(),
  name_en: z.string(),
  unit: z.string(),
  method: z.string(),
  status: z.enum(['ok', 'unavailable']),
  reason: z.string().optional(),
  value: z.number().nullable(),
  suppressed: z.boolean().optional(),
  target: z.number().nullable(),
  progress_percent: z.number().nullable(),
  breakdown_kind: z.string(),
  breakdown: z.array(cellSchema),
  entity: z.string(),
  counted: z.number().int(),
  sensitive: z.boolean().optional(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const reportSummarySchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  status: z.enum(['draft', 'submitted']),
  from: z.string(),
  to: z.string(),
  created_at: z.string(),
  created_by: z.string(),
  submitted_at: z.string().nullable(),
  submitted_by: z.string().nullable(),
  sha256: z.string().nullable(),
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;

export const comparisonSchema = z.object({
  code: z.string(),
  frozen: z.number().nullable(),
  now: z.number().nullable(),
  difference: z.number().nullable(),
  definition_changed: z.boolean().optional(),
});
export type Comparison = z.infer<typeof comparisonSchema>;

export const reportSchema = reportSummarySchema.extend({
  sha256_valid: z.boolean(),
  suppressed: z.boolean(),
  computed_at: z.string(),
  indicators: z.array(indicatorSchema),
  compared_to_now: z.array(comparisonSchema).optional(),
});
export type Report = z.infer<typeof reportSchema>;

export const periodSchema = z.object({ label: z.string(), from: z.string(), to: z.string() });
export const projectSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  code: z.string(),
  name: z.string(),
  funder: z.string(),
  call: z.string(),
  registration_number: z.string().nullable().optional(),
  period_from: z.string(),
  period_to: z.string(),
  suppression_threshold: z.number().int(),
  supported_threshold_minutes: z.number().int(),
  /** A school counts as non-segregated when its Roma share is at most this (0–1; default 0.5). */
  non_segregated_max_roma_share: z.number().optional(),
  minority_target_group: z.boolean(),
  periods: z.array(periodSchema),
  targets: z.record(z.string(), z.number()),
});
export type Project = z.infer<typeof projectSchema>;

const unavailableSchema = z.object({ status: z.literal('unavailable'), reason: z.string() });
const breakdownSectionSchema = z.union([
  unavailableSchema,
  z.object({
    status: z.literal('ok'),
    code: z.string(),
    unit: z.string(),
    value: z.number().nullable(),
    suppressed: z.boolean(),
    items: z.array(cellSchema),
  }),
]);
export type BreakdownSection = z.infer<typeof breakdownSectionSchema>;

export const dashboardSchema = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  progress: z.array(
    z.object({
      code: z.string(),
      name_cs: z.string(),
      name_en: z.string(),
      unit: z.string(),
      status: z.string(),
      value: z.number().nullable(),
      target: z.number().nullable(),
      progress_percent: z.number().nullable(),
      reason: z.string().optional(),
      suppressed: z.boolean().optional(),
    }),
  ),
  funnel: z.union([
    unavailableSchema,
    z.object({
      status: z.literal('ok'),
      steps: z.array(
        z.object({ code: z.string(), name_cs: z.string(), name_en: z.string(), value: z.number().nullable(), suppressed: z.boolean().optional() }),
      ),
    }),
  ]),
  attendance: z.union([
    unavailableSchema,
    z.object({
      status: z.literal('ok'),
      months: z.array(z.object({ month: z.string(), sessions: z.number(), present: z.number().nullable(), suppressed: z.boolean().optional() })),
    }),
  ]),
  competences: z.object({ children: breakdownSectionSchema, parents: breakdownSectionSchema }),
  incidents: breakdownSectionSchema,
  suppressed: z.boolean(),
  // When the server computed these figures (a large dataset's summary is recomputed at most every few seconds).
  as_of: z.string().optional(),
});
export type Dashboard = z.infer<typeof dashboardSchema>;

export const recordsSchema = z.object({
  code: z.string(),
  entity: z.string(),
  counted: z.number().int(),
  not_shown: z.number().int(),
  items: z.array(
    z.object({
      id: z.number().int(),
      given_names: z.string().optional(),
      surname: z.string().optional(),
      family_id: z.number().int().optional(),
      role: z.string().optional(),
    }),
  ),
});
export type Records = z.infer<typeof recordsSchema>;
