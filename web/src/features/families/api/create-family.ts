// POST /families: a new family in a team, with its address; 422 with field errors.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { familySchema, type Address, type Family, type FamilyStatus } from '../types';

export type CreateFamilyBody = {
  name: string;
  team: string;
  address: Address;
  keyworker_id?: number | null;
  status?: FamilyStatus;
};

export function createFamily(body: CreateFamilyBody): Promise<Family> {
  return apiRequest('/families', familySchema, { method: 'POST', body });
}

export function useCreateFamily() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createFamily,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['families', 'list'] }),
  });
}
