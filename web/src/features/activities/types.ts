// Activities, attendance, competences and observations as the server sends them (zod-checked).
import { z } from 'zod';

export const attendanceStatuses = ['present', 'excused', 'absent'] as const;
export type AttendanceStatus = (typeof attendanceStatuses)[number];

export const activityTypeSchema = z.object({
  code: z.string(),
  name_cs: z.string(),
  name_en: z.string(),
  audience: z.enum(['child', 'adult', 'any']),
  counted_minutes: z.number().int().nullable(),
  tracks_regularity: z.boolean(),
});
export type ActivityType = z.infer<typeof activityTypeSchema>;

export const topicSchema = z.object({ code: z.string(), name_cs: z.string(), name_en: z.string() });
export type Topic = z.infer<typeof topicSchema>;

export const activityPersonSchema = z.object({
  id: z.number().int(),
  given_names: z.string(),
  surname: z.string(),
  role: z.enum(['child', 'adult']),
});
export type ActivityPerson = z.infer<typeof activityPersonSchema>;

export const activitySchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  type: z.string(),
  group_id: z.number().int().nullable(),
  date: z.string(),
  start: z.string(),
  end: z.string(),
  duration_minutes: z.number().int(),
  place: z.string().nullable(),
  notes: z.string().nullable(),
  topics: z.array(z.string()),
  participant_ids: z.array(z.number().int()),
  participants: z.array(activityPersonSchema),
  worker_ids: z.array(z.number().int()),
  attendance_recorded: z.number().int(),
});
export type Activity = z.infer<typeof activitySchema>;

export const attendanceRecordSchema = z.object({
  person_id: z.number().int(),
  status: z.enum(attendanceStatuses),
  minutes: z.number().int().nullable().optional(),
});
export type AttendanceRecord = z.infer<typeof attendanceRecordSchema>;

export const attendanceSchema = z.object({
  activity_id: z.number().int(),
  records: z.array(attendanceRecordSchema),
  present: z.number().int(),
  excused: z.number().int(),
  absent: z.number().int(),
});
export type Attendance = z.infer<typeof attendanceSchema>;

export const driftingSchema = z.object({
  items: z.array(
    z.object({
      person_id: z.number().int(),
      given_names: z.string(),
      surname: z.string(),
      role: z.enum(['child', 'adult']),
      family_id: z.number().int(),
      family_name: z.string(),
      last_present: z.string().nullable(),
      last_sessions: z.array(z.object({ date: z.string(), type: z.string(), status: z.string() })),
    }),
  ),
  total: z.number().int(),
});
export type Drifting = z.infer<typeof driftingSchema>;

const named = { code: z.string(), name_cs: z.string(), name_en: z.string() };

export const frameworkSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  version: z.number().int(),
  audience: z.enum(['child', 'adult']),
  name_cs: z.string(),
  name_en: z.string(),
  created_at: z.string().optional(),
  levels: z.array(
    z.object({ level: z.number().int(), name_cs: z.string(), name_en: z.string(), description_cs: z.string(), description_en: z.string() }),
  ),
  domains: z.array(z.object({ id: z.number().int(), ...named, indicators: z.array(z.object({ id: z.number().int(), ...named })) })),
});
export type Framework = z.infer<typeof frameworkSchema>;

export const progressSchema = z.object({
  person_id: z.number().int(),
  domains: z.array(
    z.object({ ...named, points: z.array(z.object({ date: z.string(), assessment_id: z.number().int(), level: z.number() })) }),
  ),
});
export type Progress = z.infer<typeof progressSchema>;

export const cohortSchema = z.object({
  framework: z.string(),
  domains: z.array(
    z.object({
      ...named,
      people: z.number().int(),
      improved: z.number().int(),
      same: z.number().int(),
      declined: z.number().int(),
      share_improving: z.number(),
    }),
  ),
});
export type Cohort = z.infer<typeof cohortSchema>;

export const speakerRoles = ['team_member', 'parent', 'child'] as const;

export const observationSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  date: z.string(),
  author: z.string(),
  text: z.string(),
  tags: z.array(z.string()),
  is_quote: z.boolean(),
  speaker_role: z.enum(speakerRoles).nullable(),
  speaker_person_id: z.number().int().nullable(),
  publishable: z.boolean(),
  people: z.array(activityPersonSchema),
});
export type Observation = z.infer<typeof observationSchema>;

export const supportHoursSchema = z.object({
  person_id: z.number().int(),
  hours: z.number(),
  minutes: z.number().int(),
  activities: z.number().int(),
  threshold_hours: z.number(),
  supported: z.boolean(),
  minutes_until_supported: z.number().int(),
});
export type SupportHours = z.infer<typeof supportHoursSchema>;

export function personLabel(p: { given_names: string; surname: string }): string {
  return `${p.given_names} ${p.surname}`;
}

/** The name in the UI language of a record with name_cs / name_en. */
export function localName(x: { name_cs: string; name_en: string }, lang: string): string {
  return lang === 'en' ? x.name_en : x.name_cs;
}

export const groupSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  name: z.string(),
  type: z.string(),
  place: z.string().nullable(),
  weekday: z.number().int(),
  start: z.string(),
  end: z.string(),
  valid_from: z.string(),
  valid_to: z.string().nullable(),
  topics: z.array(z.string()),
  member_ids: z.array(z.number().int()),
  members: z.array(activityPersonSchema),
});
export type Group = z.infer<typeof groupSchema>;

export const sessionsResultSchema = z.object({
  created: z.array(z.number().int()),
  existing: z.array(z.number().int()),
  skipped_holidays: z.array(z.string()),
});
export type SessionsResult = z.infer<typeof sessionsResultSchema>;

export const assessmentSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  person_id: z.number().int(),
  framework_id: z.number().int(),
  framework: z.string(),
  framework_version: z.number().int(),
  date: z.string(),
  assessor: z.string(),
  note: z.string().nullable(),
  levels: z.record(z.string(), z.number().int()),
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const weekdays = [1, 2, 3, 4, 5, 6, 7] as const;
