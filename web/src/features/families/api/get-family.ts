// GET /families/{id}: the family with its address, keyworker and members.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { familySchema, type Family } from '../types';

export const familyQueryKey = (id: number) => ['families', 'detail', id] as const;

export function getFamily(id: number, signal?: AbortSignal): Promise<Family> {
  return apiRequest(`/families/${id}`, familySchema, { signal });
}

export const familyQueryOptions = (id: number) =>
  queryOptions({ queryKey: familyQueryKey(id), queryFn: ({ signal }) => getFamily(id, signal) });

export function useFamily(id: number) {
  return useQuery(familyQueryOptions(id));
}
