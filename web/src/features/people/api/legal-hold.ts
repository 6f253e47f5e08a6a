// The legal-hold flag (a retention hold: the record cannot be anonymised), set by a coordinator or the
// admin: PATCH /people/{id} or /families/{id} with {"version","legal_hold"}. Stale version → 409.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { familyQueryKey } from '@/features/families/api/get-family';
import { familySchema, type Family } from '@/features/families/types';
import { personSchema, type Person } from '../types';
import { personQueryKey } from './get-person';

export type LegalHoldTarget = { kind: 'person' | 'family'; id: number };

export function setLegalHold(target: LegalHoldTarget, version: number, legalHold: boolean): Promise<Person | Family> {
  const body = { version, legal_hold: legalHold };
  return target.kind === 'person'
    ? apiRequest(`/people/${target.id}`, personSchema, { method: 'PATCH', body })
    : apiRequest(`/families/${target.id}`, familySchema, { method: 'PATCH', body });
}

export function useSetLegalHold(target: LegalHoldTarget) {
  const queryClient = useQueryClient();
  const key = target.kind === 'person' ? personQueryKey(target.id) : familyQueryKey(target.id);
  return useMutation({
    mutationFn: ({ version, legalHold }: { version: number; legalHold: boolean }) => setLegalHold(target, version, legalHold),
    onSuccess: (saved) => {
      queryClient.setQueryData(key, saved);
      return queryClient.invalidateQueries({ queryKey: target.kind === 'person' ? ['families', 'detail'] : ['people', 'detail'] });
    },
    onError: () => queryClient.invalidateQueries({ queryKey: key }),
  });
}
