// GET /families/{id}/timeline: the family's contacts, newest first.
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { timelineItemSchema, type TimelineItem } from '../types';

export const timelineQueryKey = (familyId: number) => ['families', 'timeline', familyId] as const;

export function getTimeline(familyId: number, signal?: AbortSignal): Promise<TimelineItem[]> {
  return apiRequest(`/families/${familyId}/timeline`, z.object({ items: z.array(timelineItemSchema) }), { signal }).then(
    (list) => list.items,
  );
}

export function useTimeline(familyId: number) {
  return useQuery({ queryKey: timelineQueryKey(familyId), queryFn: ({ signal }) => getTimeline(familyId, signal) });
}
