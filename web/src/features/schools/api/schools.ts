// Schools: the list (search by name or IZO, filters, paging; Czech order from the server) and one school
// with its composition estimates, openness assessments and interactions (newest first).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { schoolDetailSchema, schoolListItemSchema, type SchoolDetail } from '../types';

export const schoolsPageSchema = z.object({
  items: z.array(schoolListItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  page_size: z.number().int(),
});
export type SchoolsPage = z.infer<typeof schoolsPageSchema>;

export type SchoolFilters = { q: string; type: string; district: string; status: string };
export const emptySchoolFilters: SchoolFilters = { q: '', type: '', district: '', status: '' };
export const SCHOOLS_PAGE_SIZE = 25;
export type SchoolsQuery = SchoolFilters & { page: number; page_size: number };

export const schoolsKey = ['schools'] as const;
export const schoolQueryKey = (id: number) => ['schools', 'detail', id] as const;

export function getSchools(query: SchoolsQuery, signal?: AbortSignal): Promise<SchoolsPage> {
  return apiRequest('/schools', schoolsPageSchema, { query, signal });
}

export function useSchools(query: SchoolsQuery) {
  return useQuery({
    queryKey: [...schoolsKey, 'list', query],
    queryFn: ({ signal }) => getSchools(query, signal),
    placeholderData: keepPreviousData,
  });
}

export function getSchool(id: number, signal?: AbortSignal): Promise<SchoolDetail> {
  return apiRequest(`/schools/${id}`, schoolDetailSchema, { signal });
}

export function useSchool(id: number) {
  return useQuery({ queryKey: schoolQueryKey(id), queryFn: ({ signal }) => getSchool(id, signal) });
}
