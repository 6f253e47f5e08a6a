// GET /people/{id}: everything held about one person that the caller may see.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { personSchema, type Person } from '../types';

export const personQueryKey = (id: number) => ['people', 'detail', id] as const;

export function getPerson(id: number, signal?: AbortSignal): Promise<Person> {
  return apiRequest(`/people/${id}`, personSchema, { signal });
}

export const personQueryOptions = (id: number) =>
  queryOptions({ queryKey: personQueryKey(id), queryFn: ({ signal }) => getPerson(id, signal) });

export function usePerson(id: number) {
  return useQuery(personQueryOptions(id));
}
