// GDPR: exports (JSON and a printable Czech page, both audited) and anonymisation (coordinator/admin;
// 409 while a retention hold applies).
import { apiRequestNoContent, buildUrl } from '@/lib/api-client';
import { usePersonPartMutation } from './use-person-mutation';

export function exportJsonUrl(personId: number): string {
  return buildUrl(`/people/${personId}/export`);
}

export function exportHtmlUrl(personId: number): string {
  return buildUrl(`/people/${personId}/export.html`);
}

export function anonymisePerson(personId: number): Promise<void> {
  return apiRequestNoContent(`/people/${personId}/anonymise`, { method: 'POST' });
}

export function useAnonymisePerson(personId: number) {
  return usePersonPartMutation(personId, () => anonymisePerson(personId));
}
