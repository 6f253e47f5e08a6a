// GET /analytics/school-segregation?level=zs|ms: Brno's schools per school year, from the schools'
// composition estimates: M, H, D for the year and each school's minority share, label and local segregation.
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

export const schoolLevels = ['zs', 'ms'] as const;
export type SchoolLevel = (typeof schoolLevels)[number];

export function isSchoolLevel(value: unknown): value is SchoolLevel {
  return value === 'zs' || value === 'ms';
}

/** The state's analytic labels: more than a third, more than half, almost all minority pupils. */
export const schoolStatuses = ['none', 'over_third', 'over_half', 'almost_all'] as const;

export const schoolYearSchoolSchema = z.object({
  id: z.union([z.number().int(), z.string()]),
  name: z.string(),
  minority_share: z.number().nullable(),
  status: z.enum(schoolStatuses),
  local_ls: z.number().nullable(),
  local_p: z.number().nullable(),
});
export type SchoolYearSchool = z.infer<typeof schoolYearSchoolSchema>;

export const schoolYearSchema = z.object({
  school_year: z.string(),
  N: z.number(),
  M: z.number().nullable(),
  H: z.number().nullable(),
  D: z.number().nullable(),
  /** Schools with an estimate but no registered capacity, left out of the year's numbers. */
  schools_without_capacity: z.number().int().optional(),
  schools: z.array(schoolYearSchoolSchema),
});
export type SchoolYear = z.infer<typeof schoolYearSchema>;

export const schoolSegregationSchema = z.object({
  level: z.enum(schoolLevels),
  /** How the server weighted each school (its note, in English). */
  weights: z.string().optional(),
  years: z.array(schoolYearSchema),
});
export type SchoolSegregation = z.infer<typeof schoolSegregationSchema>;

export function getSchoolSegregation(level: SchoolLevel, signal?: AbortSignal): Promise<SchoolSegregation> {
  return apiRequest('/analytics/school-segregation', schoolSegregationSchema, { query: { level }, signal });
}

export function useSchoolSegregation(level: SchoolLevel) {
  return useQuery({
    queryKey: ['analytics', 'school-segregation', level],
    queryFn: ({ signal }) => getSchoolSegregation(level, signal),
  });
}
