// POST /people: a new family member. 422 names fields; a likely duplicate answers 409 with the
// candidates the caller may see, unless confirm_not_duplicate is true.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import type { ApiError } from '@/lib/api-error';
import type { CreatePersonBody } from '../lib/person-form';
import { idSchema, personSchema, type Person } from '../types';

export const duplicateCandidateSchema = z.object({
  id: idSchema,
  given_names: z.string(),
  surname: z.string(),
  birth_date: z.string(),
  family_id: idSchema,
  family_name: z.string(),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidateSchema>;

/** The candidates of a 409 duplicate answer; undefined when the 409 is not about duplicates. */
export function duplicateCandidates(error: ApiError): DuplicateCandidate[] | undefined {
  if (error.code !== 'conflict') return undefined;
  return error.detail('candidates', z.array(duplicateCandidateSchema));
}

export function createPerson(body: CreatePersonBody): Promise<Person> {
  return apiRequest('/people', personSchema, { method: 'POST', body });
}

export function useCreatePerson() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPerson,
    onSuccess: (person) => {
      void queryClient.invalidateQueries({ queryKey: ['families'] });
      queryClient.setQueryData(['people', 'detail', person.id], person);
    },
  });
}
