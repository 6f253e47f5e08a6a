// GET /enrollment-cases/{id}/pathway: the case with every computed date and its legal basis.
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { pathwaySchema, type Pathway } from '../types';

export const pathwayQueryKey = (id: number) => ['enrollment', 'pathway', id] as const;

export function getPathway(id: number, signal?: AbortSignal): Promise<Pathway> {
  return apiRequest(`/enrollment-cases/${id}/pathway`, pathwaySchema, { signal });
}

export function usePathway(id: number) {
  return useQuery({ queryKey: pathwayQueryKey(id), queryFn: ({ signal }) => getPathway(id, signal) });
}
