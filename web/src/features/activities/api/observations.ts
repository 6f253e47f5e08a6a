// Observations: qualitative notes, quotes with a speaker role; publishable only with consent.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { observationSchema, type Observation } from '../types';

export const observationsKey = ['activities', 'observations'] as const;

export function useObservations() {
  return useQuery({
    queryKey: observationsKey,
    queryFn: ({ signal }) =>
      apiRequest('/observations', z.object({ items: z.array(observationSchema), total: z.number().int() }), {
        query: { page_size: 20 },
        signal,
      }),
  });
}

export type ObservationBody = {
  date: string;
  text: string;
  tags: string[];
  is_quote: boolean;
  speaker_role?: string;
  publishable: boolean;
};

export function useCreateObservation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ObservationBody): Promise<Observation> =>
      apiRequest('/observations', observationSchema, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: observationsKey }),
  });
}

export function useUpdateObservation(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Partial<ObservationBody> & { version: number }): Promise<Observation> =>
      apiRequest(`/observations/${id}`, observationSchema, { method: 'PATCH', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: observationsKey }),
  });
}
