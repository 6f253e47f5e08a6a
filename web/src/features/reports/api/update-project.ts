// PUT /project (coordinator/admin; `version` required, stale → 409) and GET /indicators/definitions
// (the codes a target can be set for). Field errors: name, funder, call, period_from, period_to,
// suppression_threshold, supported_threshold_minutes, non_segregated_max_roma_share, periods[i].label / .to, targets.CODE.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { isIsoDate } from '@/lib/dates';
import { projectSchema, type Project } from './schemas';

export const definitionSchema = z.object({
  code: z.string(),
  section: z.string(),
  name_cs: z.string(),
  name_en: z.string(),
  unit: z.string(),
});
export type IndicatorDefinition = z.infer<typeof definitionSchema>;

export function useIndicatorDefinitions() {
  return useQuery({
    queryKey: ['reports', 'definitions'],
    queryFn: ({ signal }) => apiRequest('/indicators/definitions', z.object({ items: z.array(definitionSchema) }), { signal }).then((r) => r.items),
    staleTime: 10 * 60_000,
  });
}

const date = z.string().refine(isIsoDate, 'validation.dateInvalid');
const decimal = (v: string) => v.trim().replace(/\s/g, '').replace(',', '.');

export const projectFormSchema = z
  .object({
    name: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
    funder: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
    call: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
    registration_number: z.string().max(100, 'validation.tooLong'),
    period_from: date,
    period_to: date,
    suppression_threshold: z.string().refine((v) => /^\d{1,3}$/.test(v.trim()) && Number(v) >= 1 && Number(v) <= 100, 'reports.project.thresholdInvalid'),
    supported_hours: z.string().refine((v) => {
      const n = Number(decimal(v));
      return decimal(v) !== '' && Number.isFinite(n) && n >= 0 && n <= 1666;
    }, 'reports.project.hoursInvalid'),
    non_segregated_percent: z.string().refine((v) => {
      const n = Number(decimal(v));
      return decimal(v) !== '' && Number.isFinite(n) && n >= 0 && n <= 100;
    }, 'reports.project.percentInvalid'),
    minority_target_group: z.boolean(),
    periods: z.array(z.object({ label: z.string().trim().min(1, 'validation.required').max(100, 'validation.tooLong'), from: date, to: date })),
    targets: z.record(
      z.string(),
      z.string().refine((v) => {
        const s = decimal(v);
        return s === '' || (Number.isFinite(Number(s)) && Number(s) >= 0);
      }, 'reports.project.targetInvalid'),
    ),
  })
  .superRefine((v, ctx) => {
    if (isIsoDate(v.period_from) && isIsoDate(v.period_to) && v.period_to < v.period_from)
      ctx.addIssue({ code: 'custom', path: ['period_to'], message: 'reports.project.endBeforeStart' });
    v.periods.forEach((p, i) => {
      if (isIsoDate(p.from) && isIsoDate(p.to) && p.to < p.from)
        ctx.addIssue({ code: 'custom', path: ['periods', i, 'to'], message: 'reports.project.endBeforeStart' });
    });
  });
export type ProjectFormValues = z.infer<typeof projectFormSchema>;

export function valuesFromProject(p: Project & { registration_number?: string | null }): ProjectFormValues {
  return {
    name: p.name,
    funder: p.funder,
    call: p.call,
    registration_number: p.registration_number ?? '',
    period_from: p.period_from,
    period_to: p.period_to,
    suppression_threshold: String(p.suppression_threshold),
    supported_hours: String(Math.round((p.supported_threshold_minutes / 60) * 100) / 100),
    non_segregated_percent: String(Math.round((p.non_segregated_max_roma_share ?? 0.5) * 1000) / 10),
    minority_target_group: p.minority_target_group,
    periods: p.periods.map((x) => ({ ...x })),
    targets: Object.fromEntries(Object.entries(p.targets).map(([k, v]) => [k, String(v)])),
  };
}

export type ProjectBody = {
  version: number;
  name: string;
  funder: string;
  call: string;
  registration_number: string | null;
  period_from: string;
  period_to: string;
  suppression_threshold: number;
  supported_threshold_minutes: number;
  non_segregated_max_roma_share: number;
  minority_target_group: boolean;
  periods: { label: string; from: string; to: string }[];
  targets: Record<string, number>;
};

/** Every field travels; `periods` and `targets` replace the stored lists (an empty target is no target). */
export function toProjectBody(v: ProjectFormValues, version: number): ProjectBody {
  const targets: Record<string, number> = {};
  for (const [code, value] of Object.entries(v.targets)) if (decimal(value) !== '') targets[code] = Number(decimal(value));
  return {
    version,
    name: v.name.trim(),
    funder: v.funder.trim(),
    call: v.call.trim(),
    registration_number: v.registration_number.trim() === '' ? null : v.registration_number.trim(),
    period_from: v.period_from,
    period_to: v.period_to,
    suppression_threshold: Number(v.suppression_threshold.trim()),
    supported_threshold_minutes: Math.round(Number(decimal(v.supported_hours)) * 60),
    non_segregated_max_roma_share: Math.round(Number(decimal(v.non_segregated_percent)) * 10) / 1000,
    minority_target_group: v.minority_target_group,
    periods: v.periods.map((p) => ({ label: p.label.trim(), from: p.from, to: p.to })),
    targets,
  };
}

/** "periods[1].to" → "periods.1.to" (the form's name for it). */
export function formFieldOf(serverField: string): string {
  if (serverField === 'supported_threshold_minutes') return 'supported_hours';
  if (serverField === 'non_segregated_max_roma_share') return 'non_segregated_percent';
  return serverField.replace(/\[(\d+)\]/g, '.$1');
}

export function useUpdateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProjectBody): Promise<Project> => apiRequest('/project', projectSchema, { method: 'PUT', body }),
    onSuccess: (p) => {
      queryClient.setQueryData(['reports', 'project'], p);
      return queryClient.invalidateQueries({ queryKey: ['reports'] });
    },
  });
}
