// Incidents: list, detail, create, edit (version → 409 with `current`), evidence, actions, statistics.
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { isApiError } from '@/lib/api-error';
import {
  actionSchema,
  incidentPageSchema,
  incidentSchema,
  incidentStatsSchema,
  type ActionType,
  type Incident,
  type IncidentType,
} from '../types';
import { uploadEvidence } from '../lib/upload';

export type IncidentFilters = { type?: string; status?: string; person_id?: number; school_id?: number; page?: number };

export function useIncidents(filters: IncidentFilters) {
  return useQuery({
    queryKey: ['incidents', 'list', filters] as const,
    queryFn: ({ signal }) => apiRequest('/incidents', incidentPageSchema, { query: filters, signal }),
    placeholderData: keepPreviousData,
  });
}

export const incidentKey = (id: number) => ['incidents', 'detail', id] as const;

export const incidentQueryOptions = (id: number) =>
  queryOptions({
    queryKey: incidentKey(id),
    queryFn: ({ signal }) => apiRequest(`/incidents/${id}`, incidentSchema, { signal }),
  });

export function useIncident(id: number) {
  return useQuery(incidentQueryOptions(id));
}

export function useIncidentStats(enabled = true) {
  return useQuery({
    queryKey: ['incidents', 'stats'] as const,
    queryFn: ({ signal }) => apiRequest('/incidents/stats', incidentStatsSchema, { signal }),
    enabled,
  });
}

export type IncidentBody = {
  occurred_on: string;
  type: IncidentType;
  school_id: number | null;
  institution: string | null;
  description: string;
  person_ids: number[];
};

export function useCreateIncident() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IncidentBody) => apiRequest('/incidents', incidentSchema, { method: 'POST', body }),
    onSuccess: (incident) => {
      queryClient.setQueryData(incidentKey(incident.id), incident);
      return queryClient.invalidateQueries({ queryKey: ['incidents', 'list'] });
    },
  });
}

export type IncidentPatch = Partial<IncidentBody> & { version: number; status?: 'open' | 'closed' };

export function useUpdateIncident(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: IncidentPatch) => apiRequest(`/incidents/${id}`, incidentSchema, { method: 'PATCH', body: patch }),
    onSuccess: (incident: Incident) => {
      queryClient.setQueryData(incidentKey(id), incident);
      return queryClient.invalidateQueries({ queryKey: ['incidents', 'list'] });
    },
    // A stale version: show what is stored now (the page says why it changed).
    onError: (error) => {
      if (isApiError(error) && error.code === 'conflict') void queryClient.invalidateQueries({ queryKey: incidentKey(id) });
    },
  });
}

export function useUploadEvidence(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, note }: { file: File; note: string }) => uploadEvidence(id, file, note),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: incidentKey(id) }),
  });
}

export type ActionBody = {
  type: ActionType;
  taken_on?: string | null;
  deadline?: string | null;
  delivered_on?: string;
  outcome?: string | null;
  outcome_on?: string | null;
  note?: string | null;
};

export function useAddAction(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ActionBody) => apiRequest(`/incidents/${id}/actions`, actionSchema, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: incidentKey(id) }),
  });
}

export function useUpdateAction(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ actionId, patch }: { actionId: number; patch: Partial<ActionBody> & { version: number } }) =>
      apiRequest(`/incidents/${id}/actions/${actionId}`, actionSchema, { method: 'PATCH', body: patch }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: incidentKey(id) }),
  });
}

export const schoolsSchema = z.object({ items: z.array(z.object({ id: z.number().int(), name: z.string() })) });

export function useSchoolChoices() {
  return useQuery({
    queryKey: ['incidents', 'schools'] as const,
    queryFn: ({ signal }) => apiRequest('/schools', schoolsSchema, { query: { page_size: 200 }, signal }),
    staleTime: 5 * 60_000,
  });
}
