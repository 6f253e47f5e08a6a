// POST /people/{id}/relationships: mother, father, guardian… and whether they legally represent the person.
import { z } from 'zod';
import { apiRequestNoContent } from '@/lib/api-client';
import { relationshipTypes, type RelationshipType } from '../types';
import { usePersonPartMutation } from './use-person-mutation';

export const relationshipFormSchema = z.object({
  other_person_id: z.string().min(1, 'validation.required'),
  type: z.enum(relationshipTypes),
  legal_representative: z.boolean(),
});
export type RelationshipFormValues = z.infer<typeof relationshipFormSchema>;

export type CreateRelationshipBody = { other_person_id: number; type: RelationshipType; legal_representative: boolean };

export function createRelationship(personId: number, body: CreateRelationshipBody): Promise<void> {
  return apiRequestNoContent(`/people/${personId}/relationships`, { method: 'POST', body });
}

export function useCreateRelationship(personId: number) {
  return usePersonPartMutation(personId, (body: CreateRelationshipBody) => createRelationship(personId, body));
}
