// Competence frameworks, assessments, progress per person and per cohort.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { assessmentSchema, cohortSchema, frameworkSchema, progressSchema } from '../types';

export function useFrameworks() {
  return useQuery({
    queryKey: ['activities', 'frameworks'],
    queryFn: ({ signal }) => apiRequest('/competence-frameworks', z.object({ items: z.array(frameworkSchema) }), { signal }),
    staleTime: 5 * 60_000,
  });
}

export const progressKey = (personId: number) => ['activities', 'progress', personId] as const;

export function useProgress(personId: number) {
  return useQuery({
    queryKey: progressKey(personId),
    queryFn: ({ signal }) => apiRequest(`/people/${personId}/competence-progress`, progressSchema, { signal }),
  });
}

export function useCohort(framework: string) {
  return useQuery({
    queryKey: ['activities', 'cohort', framework],
    queryFn: ({ signal }) => apiRequest('/assessments/cohort-progress', cohortSchema, { query: { framework }, signal }),
  });
}

export type AssessmentBody = { person_id: number; framework_id?: number; date: string; note?: string; levels: Record<string, number> };

export function useCreateAssessment(personId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AssessmentBody) =>
      apiRequest('/assessments', z.object({ id: z.number().int() }).passthrough(), { method: 'POST', body }),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: progressKey(personId) }),
        queryClient.invalidateQueries({ queryKey: ['activities', 'assessments', personId] }),
      ]),
  });
}

export function useAllFrameworkVersions() {
  return useQuery({
    queryKey: ['activities', 'frameworks', 'all'],
    queryFn: ({ signal }) =>
      apiRequest('/competence-frameworks', z.object({ items: z.array(frameworkSchema) }), { query: { all: 1 }, signal }),
  });
}

/** The body of a new framework version: the texts, levels, domains and indicators (no ids). */
export type FrameworkDraft = {
  code: string;
  audience: 'child' | 'adult';
  name_cs: string;
  name_en: string;
  levels: { level: number; name_cs: string; name_en: string; description_cs: string; description_en: string }[];
  domains: { code: string; name_cs: string; name_en: string; indicators: { code: string; name_cs: string; name_en: string }[] }[];
};

export function useCreateFrameworkVersion() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FrameworkDraft) => apiRequest('/competence-frameworks', frameworkSchema, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['activities', 'frameworks'] }),
  });
}

export function usePersonAssessments(personId: number) {
  return useQuery({
    queryKey: ['activities', 'assessments', personId],
    queryFn: ({ signal }) =>
      apiRequest(`/people/${personId}/assessments`, z.object({ items: z.array(assessmentSchema) }), { signal }),
  });
}
