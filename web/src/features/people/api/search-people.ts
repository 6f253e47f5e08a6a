// GET /people: people in the caller's scope by name (no diacritics needed), Czech collation, paged.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { personListItemSchema } from '../types';

export const peoplePageSchema = z.object({
  items: z.array(personListItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  page_size: z.number().int(),
});
export type PeoplePage = z.infer<typeof peoplePageSchema>;

export const peopleSorts = ['surname', '-surname', 'birth_date'] as const;
export type PeopleSort = (typeof peopleSorts)[number];

export const PEOPLE_PAGE_SIZE = 25;

export type PeopleQuery = { q: string; sort: PeopleSort; page: number; page_size: number };

export const peopleListKey = ['people', 'list'] as const;

export function searchPeople(query: PeopleQuery, signal?: AbortSignal): Promise<PeoplePage> {
  return apiRequest('/people', peoplePageSchema, { query, signal });
}

export function usePeopleSearch(query: PeopleQuery, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...peopleListKey, query],
    queryFn: ({ signal }) => searchPeople(query, signal),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}
