// POST /enrollment-cases (open a case), PATCH /enrollment-cases/{id} (target schools in order, with the
// case's version: stale → 409) and GET /catchment (the catchment school of the family's address code).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { isApiError } from '@/lib/api-error';
import { enrollmentCaseSchema, enrollmentLevels, type EnrollmentCase } from '../types';

export const openCaseFormSchema = z.object({
  school_year: z.string().regex(/^\d{4}$/, 'enrollment.open.schoolYearInvalid'),
  level: z.string().refine((v) => (enrollmentLevels as readonly string[]).includes(v), 'validation.required'),
  deferral_considered: z.boolean(),
  notes: z.string().max(16000, 'validation.tooLong'),
});
export type OpenCaseFormValues = z.infer<typeof openCaseFormSchema>;

export type OpenCaseBody = {
  person_id: number;
  school_year: number;
  level: string;
  deferral_considered?: boolean;
  notes?: string;
  target_school_ids?: number[];
};

export function toOpenCaseBody(personId: number, v: OpenCaseFormValues): OpenCaseBody {
  const body: OpenCaseBody = { person_id: personId, school_year: Number(v.school_year), level: v.level };
  if (v.level === 'zs' && v.deferral_considered) body.deferral_considered = true;
  if (v.notes.trim()) body.notes = v.notes.trim();
  return body;
}

export function openCase(body: OpenCaseBody): Promise<EnrollmentCase> {
  return apiRequest('/enrollment-cases', enrollmentCaseSchema, { method: 'POST', body });
}

export function useOpenCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: openCase,
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['enrollment'] }), queryClient.invalidateQueries({ queryKey: ['tasks'] })]),
  });
}

export type UpdateCaseBody = { version: number; target_school_ids?: number[]; notes?: string | null; refresh_catchment?: boolean };

export function updateCase(id: number, body: UpdateCaseBody): Promise<EnrollmentCase> {
  return apiRequest(`/enrollment-cases/${id}`, enrollmentCaseSchema, { method: 'PATCH', body });
}

export function useUpdateCase(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateCaseBody) => updateCase(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['enrollment'] }),
  });
}

const catchmentSchema = z.object({
  kod_adm: z.number().int(),
  level: z.string(),
  school: z.object({ id: z.number().int(), izo: z.string(), name: z.string(), address: z.string().nullable().optional() }),
});
export type Catchment = z.infer<typeof catchmentSchema>;

/** The catchment school, or null when the address has none recorded (404). */
export async function getCatchment(kodAdm: number, level: 'ms' | 'zs', signal?: AbortSignal): Promise<Catchment | null> {
  try {
    return await apiRequest('/catchment', catchmentSchema, { query: { kod_adm: kodAdm, level }, signal });
  } catch (e) {
    if (isApiError(e) && e.code === 'not_found') return null;
    throw e;
  }
}

export function useCatchment(kodAdm: number | null, level: 'ms' | 'zs') {
  return useQuery({
    queryKey: ['catchment', kodAdm, level],
    queryFn: ({ signal }) => getCatchment(kodAdm ?? 0, level, signal),
    enabled: kodAdm !== null && kodAdm > 0,
  });
}

const familyAddressSchema = z.object({ address: z.object({ kod_adm: z.number().int().nullable() }) });

/** The family's RÚIAN address code (read leniently: only the code matters here). */
export function useFamilyAddressCode(familyId: number) {
  return useQuery({
    queryKey: ['enrollment', 'family-address', familyId],
    queryFn: ({ signal }) => apiRequest(`/families/${familyId}`, familyAddressSchema, { signal }).then((f) => f.address.kod_adm),
  });
}

/** The catchment level of an enrollment level: MŠ for both pre-school levels. */
export function catchmentLevel(level: string): 'ms' | 'zs' {
  return level === 'zs' ? 'zs' : 'ms';
}
