// DELETE /relationships/{id} → 204.
import { apiRequestNoContent } from '@/lib/api-client';
import { usePersonPartMutation } from './use-person-mutation';

export function deleteRelationship(id: number): Promise<void> {
  return apiRequestNoContent(`/relationships/${id}`, { method: 'DELETE' });
}

export function useDeleteRelationship(personId: number) {
  return usePersonPartMutation(personId, deleteRelationship);
}
