// Merging a duplicate record into a surviving one (coordinator/admin): POST /people/{id}/merge
// {"duplicate_id","version"} → the surviving person; GET /merges; POST /merges/{id}/undo within 30 days.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { mergeSchema, personSchema, type Merge, type Person } from '../types';
import { personQueryKey } from './get-person';

export const mergesQueryKey = ['people', 'merges'] as const;

export function mergePeople(personId: number, duplicateId: number, version: number): Promise<Person> {
  return apiRequest(`/people/${personId}/merge`, personSchema, {
    method: 'POST',
    body: { duplicate_id: duplicateId, version },
  });
}

export function getMerges(signal?: AbortSignal): Promise<Merge[]> {
  return apiRequest('/merges', z.object({ items: z.array(mergeSchema) }), { signal }).then((r) => r.items);
}

export function undoMerge(mergeId: number): Promise<Merge> {
  return apiRequest(`/merges/${mergeId}/undo`, mergeSchema, { method: 'POST' });
}

/** The merge that joined `duplicateId` into `personId` and is not undone (the newest such). */
export function findMerge(merges: readonly Merge[], personId: number, duplicateId: number): Merge | undefined {
  return merges
    .filter((m) => m.person_id === personId && m.duplicate_id === duplicateId && m.undone_at === null)
    .sort((a, b) => b.id - a.id)[0];
}

/** Whether the undo time of a merge has not run out at `now`. */
export function canUndo(merge: Merge, now: Date = new Date()): boolean {
  return merge.undone_at === null && new Date(merge.undo_until).getTime() > now.getTime();
}

export function useMerges(options: { enabled?: boolean } = {}) {
  return useQuery({ queryKey: mergesQueryKey, queryFn: ({ signal }) => getMerges(signal), enabled: options.enabled ?? true });
}

function useInvalidatePeople() {
  const queryClient = useQueryClient();
  return (ids: number[]) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: mergesQueryKey }),
      queryClient.invalidateQueries({ queryKey: ['people', 'list'] }),
      queryClient.invalidateQueries({ queryKey: ['families'] }),
      ...ids.map((id) => queryClient.invalidateQueries({ queryKey: personQueryKey(id) })),
    ]);
}

export function useMergePeople() {
  const queryClient = useQueryClient();
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: ({ personId, duplicateId, version }: { personId: number; duplicateId: number; version: number }) =>
      mergePeople(personId, duplicateId, version),
    onSuccess: (person, vars) => {
      queryClient.setQueryData(personQueryKey(person.id), person);
      queryClient.removeQueries({ queryKey: personQueryKey(vars.duplicateId) });
      return invalidate([]);
    },
  });
}

export function useUndoMerge() {
  const invalidate = useInvalidatePeople();
  return useMutation({
    mutationFn: (mergeId: number) => undoMerge(mergeId),
    onSuccess: (merge) => invalidate([merge.person_id, merge.duplicate_id]),
  });
}
