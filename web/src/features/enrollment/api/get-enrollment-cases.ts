// GET /enrollment-cases?school_year=&stage=&school=: the board of a school year's cases.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { enrollmentListItemSchema } from '../types';

export const enrollmentPageSchema = z.object({
  items: z.array(enrollmentListItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  page_size: z.number().int(),
});
export type EnrollmentPage = z.infer<typeof enrollmentPageSchema>;

export type EnrollmentFilters = { school_year: number; stage?: string; school?: number; person_id?: number };

export function getEnrollmentCases(filters: EnrollmentFilters, signal?: AbortSignal): Promise<EnrollmentPage> {
  return apiRequest('/enrollment-cases', enrollmentPageSchema, { query: { ...filters, page_size: 500 }, signal });
}

export function useEnrollmentCases(filters: EnrollmentFilters) {
  return useQuery({
    queryKey: ['enrollment', 'list', filters],
    queryFn: ({ signal }) => getEnrollmentCases(filters, signal),
    placeholderData: keepPreviousData,
  });
}
