// PATCH /people/{id}: changed fields with the version they were based on; a stale version answers 409
// with the stored record as `current`.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { ApiError } from '@/lib/api-error';
import type { PersonPatch } from '../lib/person-form';
import { personSchema, type Person } from '../types';
import { personQueryKey } from './get-person';

export function updatePerson(id: number, patch: PersonPatch): Promise<Person> {
  return apiRequest(`/people/${id}`, personSchema, { method: 'PATCH', body: patch });
}

/** The record as stored now, from a 409 stale-version answer. */
export function currentPerson(error: ApiError): Person | undefined {
  if (error.code !== 'conflict') return undefined;
  return error.detail('current', personSchema);
}

export function useUpdatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: { id: number; patch: PersonPatch }) => updatePerson(id, patch),
    onSuccess: (person) => {
      queryClient.setQueryData(personQueryKey(person.id), person);
      return queryClient.invalidateQueries({ queryKey: ['families'] });
    },
  });
}
