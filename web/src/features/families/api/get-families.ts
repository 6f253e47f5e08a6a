// GET /families: search (any member's name, no diacritics needed), filters, paging and sort on the server.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { familyListItemSchema } from '../types';

export const familiesPageSchema = z.object({
  items: z.array(familyListItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  page_size: z.number().int(),
});
export type FamiliesPage = z.infer<typeof familiesPageSchema>;

export const familySorts = ['name', '-name', 'updated', '-updated'] as const;
export type FamilySort = (typeof familySorts)[number];

export type FamilyFilters = {
  q: string;
  district: string;
  /** A keyworker's username. */
  worker: string;
  status: string;
  sort: FamilySort;
};

export const emptyFamilyFilters: FamilyFilters = { q: '', district: '', worker: '', status: '', sort: 'name' };

export const FAMILIES_PAGE_SIZE = 25;

export type FamiliesQuery = FamilyFilters & { page: number; page_size: number };

export const familiesQueryKey = ['families', 'list'] as const;

export function getFamilies(query: FamiliesQuery, signal?: AbortSignal): Promise<FamiliesPage> {
  return apiRequest('/families', familiesPageSchema, { query, signal });
}

export function useFamilies(query: FamiliesQuery) {
  return useQuery({
    queryKey: [...familiesQueryKey, query],
    queryFn: ({ signal }) => getFamilies(query, signal),
    placeholderData: keepPreviousData,
  });
}
