// A change to one part of a person (consent, relationship, participation…) whose answer we do not
// need: afterwards the person (and the family's members) are fetched again.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { personQueryKey } from './get-person';

export function usePersonPartMutation<TVars>(personId: number, send: (vars: TVars) => Promise<void>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: personQueryKey(personId) }),
        // Withdrawing the special-category consent deletes stored yes/no answers at once.
        queryClient.invalidateQueries({ queryKey: ['people', 'special-category', personId] }),
        queryClient.invalidateQueries({ queryKey: ['families', 'detail'] }),
      ]),
  });
}
