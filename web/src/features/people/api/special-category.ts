// Special-category data (GDPR art. 9): GET /people/{id}/special-category (every read audited) and
// POST /people/{id}/special-category (yes/no need a valid special_category consent → else 422 field "consent").
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest, apiRequestNoContent } from '@/lib/api-client';
import { specialCategories, specialItemSchema, specialValues, type SpecialItem } from '../types';
import { personQueryKey } from './get-person';

export const specialCategoryQueryKey = (personId: number) => ['people', 'special-category', personId] as const;

export function getSpecialCategory(personId: number, signal?: AbortSignal): Promise<SpecialItem[]> {
  return apiRequest(`/people/${personId}/special-category`, z.object({ items: z.array(specialItemSchema) }), { signal }).then(
    (list) => list.items,
  );
}

/** Fetched only while the section is open, so each opening is one audited read. */
export function useSpecialCategory(personId: number, enabled: boolean) {
  return useQuery({
    queryKey: specialCategoryQueryKey(personId),
    queryFn: ({ signal }) => getSpecialCategory(personId, signal),
    enabled,
    staleTime: 0,
    gcTime: 0,
  });
}

export const specialFormSchema = z.object({
  category: z.enum(specialCategories),
  value: z.enum(specialValues),
  note: z.string().trim().max(1000, 'validation.tooLong'),
});
export type SpecialFormValues = z.infer<typeof specialFormSchema>;

export function createSpecialItem(personId: number, v: SpecialFormValues): Promise<void> {
  return apiRequestNoContent(`/people/${personId}/special-category`, {
    method: 'POST',
    body: { category: v.category, value: v.value, ...(v.note ? { note: v.note } : {}) },
  });
}

export function useCreateSpecialItem(personId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: SpecialFormValues) => createSpecialItem(personId, v),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: specialCategoryQueryKey(personId) }),
        queryClient.invalidateQueries({ queryKey: personQueryKey(personId) }),
      ]),
  });
}
