// Enrollment cases, their pathway view, tasks and the funnel as the enrollment API sends them
// (docs/openapi.yaml, "Enrollment pathway").
import { z } from 'zod';
import { idSchema } from '@/features/people/types';

export const enrollmentStages = [
  'preparation',
  'application_filed',
  'zapis_attended',
  'decision',
  'delivery',
  'appeal',
  'started_attending',
  'attending_3_months',
  'attending_12_months',
] as const;
export type EnrollmentStage = (typeof enrollmentStages)[number];

export const enrollmentLevels = ['ms', 'compulsory_preschool', 'zs'] as const;
export const decisions = ['admitted', 'not_admitted', 'deferral_granted', 'withdrawn'] as const;
export const applicationChannels = ['portal', 'in_person', 'data_box', 'post'] as const;
export const deliveryMethods = ['data_box', 'post', 'in_person'] as const;
export const appealOutcomes = ['pending', 'granted', 'rejected', 'withdrawn'] as const;
export const taskKinds = ['zapis_window_opens', 'deferral_papers', 'appeal_deadline', 'check_3_months', 'check_12_months'] as const;
export const dateKeys = [
  'zapis_window_from',
  'zapis_window_to',
  'compulsory_preschool_start',
  'zs_start',
  'latest_deferred_start',
  'delivered',
  'appeal_deadline',
  'check_3_months',
  'check_12_months',
] as const;
export const segregationStatuses = ['below_thresholds', 'more_than_third', 'more_than_half', 'almost_all', 'unknown'] as const;

const date = z.string();
const optDate = z.string().nullable();

export const schoolRefSchema = z.object({ id: idSchema, izo: z.string(), name: z.string(), type: z.string() }).nullable();
export type SchoolRef = z.infer<typeof schoolRefSchema>;

export const childSchema = z.object({
  person_id: idSchema,
  given_names: z.string(),
  surname: z.string(),
  initials: z.string(),
  birth_date: z.string(),
});

export const enrollmentEventSchema = z.object({
  id: idSchema,
  stage: z.enum(enrollmentStages),
  date,
  data: z.record(z.string(), z.unknown()),
  note: z.string().nullable(),
  recorded_at: z.string(),
  recorded_by: z.string(),
});

export const enrollmentCaseSchema = z.object({
  id: idSchema,
  version: z.number().int(),
  child: childSchema,
  family_id: idSchema,
  team: z.string(),
  keyworker: z.object({ id: idSchema, username: z.string() }).nullable(),
  school_year: z.number().int(),
  school_year_label: z.string(),
  level: z.enum(enrollmentLevels),
  stage: z.enum(enrollmentStages),
  notes: z.string().nullable(),
  deferral_considered: z.boolean(),
  catchment_school: schoolRefSchema,
  target_schools: z.array(schoolRefSchema),
  application: z.object({ date: optDate, number: z.string().nullable(), channel: z.string().nullable(), school: schoolRefSchema }),
  zapis_date: optDate,
  decision: z.object({ decision: z.enum(decisions).nullable(), date: optDate, school: schoolRefSchema }),
  delivery: z.object({ method: z.string().nullable(), date: optDate, collected_date: optDate, delivered_on: optDate }),
  appeal: z.object({
    deadline: optDate,
    filed_date: optDate,
    late: z.boolean(),
    outcome: z.string().nullable(),
    outcome_date: optDate,
  }),
  attendance: z.object({
    started_date: optDate,
    school: schoolRefSchema,
    check_3_date: optDate,
    check_3_attending: z.boolean().nullable(),
    check_12_date: optDate,
    check_12_attending: z.boolean().nullable(),
  }),
  outcome: z.object({
    enrolled_school: schoolRefSchema,
    segregation_status: z.string().nullable(),
    enrolled_non_segregated: z.boolean().nullable(),
  }),
  events: z.array(enrollmentEventSchema),
  created_at: z.string(),
  updated_at: z.string(),
});
export type EnrollmentCase = z.infer<typeof enrollmentCaseSchema>;

export const stageWarningSchema = z.object({ code: z.string(), message: z.string(), deadline: optDate });
export const stageRecordedSchema = enrollmentCaseSchema.extend({ warnings: z.array(stageWarningSchema) });
export type StageRecorded = z.infer<typeof stageRecordedSchema>;

export const enrollmentListItemSchema = z.object({
  id: idSchema,
  version: z.number().int(),
  child: childSchema,
  family_id: idSchema,
  school_year: z.number().int(),
  level: z.enum(enrollmentLevels),
  stage: z.enum(enrollmentStages),
  decision: z.enum(decisions).nullable(),
  appeal_deadline: optDate,
  appeal_late: z.boolean(),
  first_target: schoolRefSchema,
  catchment_school: schoolRefSchema,
  updated_at: z.string(),
});
export type EnrollmentListItem = z.infer<typeof enrollmentListItemSchema>;

export const computedDateSchema = z.object({
  key: z.string(),
  date,
  basis: z.string(),
  basis_en: z.string(),
  disputed: z.boolean(),
  alternative: z.string().optional(),
});
export type ComputedDate = z.infer<typeof computedDateSchema>;

export const pathwaySchema = z.object({
  case: enrollmentCaseSchema,
  zapis_window: z.object({ level: z.string(), from: date, to: date, is_default: z.boolean() }).nullable(),
  stages: z.array(z.object({ stage: z.enum(enrollmentStages), reached: z.boolean(), date: optDate })),
  dates: z.array(computedDateSchema),
  delivery: z
    .object({
      method: z.string(),
      date,
      delivered: date,
      by_fiction: z.boolean(),
      disputed: z.boolean(),
      alternative: optDate,
      basis: z.string(),
      basis_en: z.string(),
    })
    .nullable(),
  appeal: z
    .object({
      deadline: date,
      nominal_last_day: date,
      skipped: z.array(z.object({ date, reason: z.string(), reason_en: z.string() })),
      late: z.boolean(),
      basis: z.string(),
      basis_en: z.string(),
    })
    .nullable(),
  tasks: z.array(z.object({ kind: z.string(), due_date: date, title: z.string(), title_en: z.string() })),
});
export type Pathway = z.infer<typeof pathwaySchema>;

export const taskSchema = z.object({
  id: idSchema,
  version: z.number().int(),
  case_id: idSchema,
  kind: z.enum(taskKinds),
  title: z.string(),
  title_en: z.string(),
  due_date: date,
  status: z.enum(['open', 'done']),
  assignee: z.object({ id: idSchema, username: z.string() }).nullable(),
  child: z.object({ person_id: idSchema, name: z.string(), initials: z.string() }),
  school_year: z.number().int(),
  level: z.string(),
  done_at: z.string().nullable(),
  done_by: z.string().nullable(),
});
export type Task = z.infer<typeof taskSchema>;

export const funnelSchema = z.object({
  school_year: z.number().int(),
  school_year_label: z.string(),
  level: z.string().nullable(),
  counts: z.record(z.string(), z.number().int().nullable()),
  suppressed: z.array(z.string()),
  suppression_threshold: z.number().int(),
});
export type Funnel = z.infer<typeof funnelSchema>;

export const feedStatusSchema = z.object({
  active: z.boolean(),
  created_at: z.string().nullable(),
  token: z.string().optional(),
  path: z.string().optional(),
});
export type FeedStatus = z.infer<typeof feedStatusSchema>;

/** "2026/27" for the school year starting in 2026. */
export function schoolYearLabel(year: number): string {
  return `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}

/** The school year a date lies in (2026 for 1 Sep 2026 – 31 Aug 2027). */
export function schoolYearOf(isoDate: string): number {
  const [y, m] = isoDate.split('-').map(Number) as [number, number];
  return m >= 9 ? y : y - 1;
}
