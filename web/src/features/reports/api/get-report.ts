// GET /reports/{id}[?compare=now]: frozen values of a submitted report (with the difference to now),
// or a draft computed now.
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { reportSchema, type Report } from './schemas';

export function getReport(id: number, compare: boolean, signal?: AbortSignal): Promise<Report> {
  return apiRequest(`/reports/${id}`, reportSchema, { query: { compare: compare ? 'now' : undefined }, signal });
}

export function useReport(id: number, compare = false) {
  return useQuery({ queryKey: ['reports', 'detail', id, compare], queryFn: ({ signal }) => getReport(id, compare, signal) });
}

export function reportFileUrl(id: number, kind: 'xlsx' | 'csv' | 'participants'): string {
  return kind === 'participants' ? `/api/v1/reports/${id}/participants.csv` : `/api/v1/reports/${id}.${kind}`;
}
