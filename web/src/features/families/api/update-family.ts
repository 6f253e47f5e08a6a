// PATCH /families/{id}: status, closed reason, keyworker, address…; the version guards against a
// stale edit (409 with the stored record as `current`).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { familySchema, type Address, type Family, type FamilyStatus } from '../types';
import { familyQueryKey } from './get-family';

export type FamilyPatch = {
  version: number;
  name?: string;
  team?: string;
  address?: Address;
  keyworker_id?: number | null;
  status?: FamilyStatus;
  closed_reason?: string | null;
};

export function updateFamily(id: number, patch: FamilyPatch): Promise<Family> {
  return apiRequest(`/families/${id}`, familySchema, { method: 'PATCH', body: patch });
}

export function useUpdateFamily() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: FamilyPatch }) => updateFamily(id, patch),
    onSuccess: (family) => {
      queryClient.setQueryData(familyQueryKey(family.id), family);
      return queryClient.invalidateQueries({ queryKey: ['families', 'list'] });
    },
  });
}
