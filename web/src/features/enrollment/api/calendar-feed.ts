// /calendar/feed: whether the worker has a secret calendar URL; create/rotate (the token is shown
// once) and revoke.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, apiRequestNoContent } from '@/lib/api-client';
import { feedStatusSchema, type FeedStatus } from '../types';

const key = ['calendar-feed'] as const;

export function useFeedStatus() {
  return useQuery({ queryKey: key, queryFn: ({ signal }) => apiRequest('/calendar/feed', feedStatusSchema, { signal }) });
}

export function useRotateFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (): Promise<FeedStatus> => apiRequest('/calendar/feed', feedStatusSchema, { method: 'POST', body: {} }),
    onSuccess: (status) => queryClient.setQueryData(key, { active: true, created_at: status.created_at }),
  });
}

export function useRevokeFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequestNoContent('/calendar/feed', { method: 'DELETE' }),
    onSuccess: () => queryClient.setQueryData(key, { active: false, created_at: null }),
  });
}
