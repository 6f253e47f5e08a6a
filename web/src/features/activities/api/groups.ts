// Groups (a weekly club with members), their sessions and the month attendance sheet.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { groupSchema, sessionsResultSchema, type Group, type SessionsResult } from '../types';
import { activitiesKey, activitiesPageSchema } from './activities';

export const groupsKey = ['activities', 'groups'] as const;
export const groupKey = (id: number) => [...groupsKey, 'one', id] as const;

export function useGroups() {
  return useQuery({
    queryKey: [...groupsKey, 'list'],
    queryFn: ({ signal }) => apiRequest('/groups', z.object({ items: z.array(groupSchema) }), { signal }),
  });
}

export function useGroup(id: number) {
  return useQuery({
    queryKey: groupKey(id),
    queryFn: ({ signal }) => apiRequest(`/groups/${id}`, groupSchema, { signal }),
  });
}

export function useGroupSessions(id: number) {
  return useQuery({
    queryKey: [...activitiesKey, 'list', { group: id }],
    queryFn: ({ signal }) => apiRequest('/activities', activitiesPageSchema, { query: { group: id, page_size: 100 }, signal }),
  });
}

export type GroupBody = {
  name?: string;
  type?: string;
  place?: string | null;
  weekday?: number;
  start?: string;
  end?: string;
  valid_from?: string;
  valid_to?: string | null;
  topics?: string[];
  member_ids?: number[];
};

export function useSaveGroup(id: number | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: GroupBody & { version?: number }): Promise<Group> =>
      id === null
        ? apiRequest('/groups', groupSchema, { method: 'POST', body })
        : apiRequest(`/groups/${id}`, groupSchema, { method: 'PATCH', body }),
    onSuccess: (g) => {
      queryClient.setQueryData(groupKey(g.id), g);
      return queryClient.invalidateQueries({ queryKey: [...groupsKey, 'list'] });
    },
  });
}

export function useGenerateSessions(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { from: string; to: string }): Promise<SessionsResult> =>
      apiRequest(`/groups/${id}/sessions`, sessionsResultSchema, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...activitiesKey, 'list'] }),
  });
}

/** The month attendance sheet of a group (month YYYY-MM), opened by the browser. */
export function groupSheetUrl(id: number, month: string): string {
  return `/api/v1/groups/${id}/attendance-sheet.pdf?month=${encodeURIComponent(month)}`;
}
