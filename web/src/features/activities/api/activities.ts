// GET/POST /activities, GET /activities/{id}, catalogues (types, topics), drifting away.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { activitySchema, activityTypeSchema, driftingSchema, topicSchema, type Activity } from '../types';

export const activitiesKey = ['activities'] as const;

export function useActivityTypes() {
  return useQuery({
    queryKey: [...activitiesKey, 'types'],
    queryFn: ({ signal }) => apiRequest('/activity-types', z.object({ items: z.array(activityTypeSchema) }), { signal }),
    staleTime: 5 * 60_000,
  });
}

// GET /colleagues: the staff who can be named as an activity's workers.
export const colleagueSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  role: z.string(),
  team: z.string().nullable(),
});
export type Colleague = z.infer<typeof colleagueSchema>;

export function useColleagues() {
  return useQuery({
    queryKey: [...activitiesKey, 'colleagues'],
    queryFn: ({ signal }) => apiRequest('/colleagues', z.object({ items: z.array(colleagueSchema) }), { signal }).then((r) => r.items),
    staleTime: 5 * 60_000,
  });
}

export function useTopics() {
  return useQuery({
    queryKey: [...activitiesKey, 'topics'],
    queryFn: ({ signal }) => apiRequest('/activity-topics', z.object({ items: z.array(topicSchema) }), { signal }),
    staleTime: 5 * 60_000,
  });
}

export const activitiesPageSchema = z.object({
  items: z.array(activitySchema),
  total: z.number().int(),
  page: z.number().int(),
  page_size: z.number().int(),
});

export type ActivitiesQuery = { from: string; to: string; type: string; page: number; page_size: number };

export function useActivities(query: ActivitiesQuery) {
  return useQuery({
    queryKey: [...activitiesKey, 'list', query],
    queryFn: ({ signal }) => apiRequest('/activities', activitiesPageSchema, { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export const activityKey = (id: number) => [...activitiesKey, 'one', id] as const;

export function useActivity(id: number) {
  return useQuery({
    queryKey: activityKey(id),
    queryFn: ({ signal }) => apiRequest(`/activities/${id}`, activitySchema, { signal }),
  });
}

export type ActivityBody = {
  type: string;
  date: string;
  start: string;
  end: string;
  place?: string | null;
  notes?: string | null;
  topics: string[];
  participant_ids: number[];
  worker_ids?: number[];
};

export function useCreateActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ActivityBody): Promise<Activity> => apiRequest('/activities', activitySchema, { method: 'POST', body }),
    onSuccess: (a) => {
      queryClient.setQueryData(activityKey(a.id), a);
      return queryClient.invalidateQueries({ queryKey: [...activitiesKey, 'list'] });
    },
  });
}

export function useDrifting() {
  return useQuery({
    queryKey: [...activitiesKey, 'drifting'],
    queryFn: ({ signal }) => apiRequest('/attendance/drifting', driftingSchema, { signal }),
  });
}

/** The attendance sheet PDF of one session (opened by the browser, not fetched as JSON). */
export function attendanceSheetUrl(id: number): string {
  return `/api/v1/activities/${id}/attendance-sheet.pdf`;
}

/** PATCH /activities/{id}: the version the form started from guards against a stale edit (409 with `current`). */
export function useUpdateActivity(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ActivityBody & { version: number }): Promise<Activity> =>
      apiRequest(`/activities/${id}`, activitySchema, { method: 'PATCH', body }),
    onSuccess: (a) => {
      queryClient.setQueryData(activityKey(a.id), a);
      return queryClient.invalidateQueries({ queryKey: [...activitiesKey, 'list'] });
    },
  });
}
