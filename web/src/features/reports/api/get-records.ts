// GET /reports/{id}/indicators/{code}/records: the records an indicator counted, within the reader's scope.
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { recordsSchema, type Records } from './schemas';

export function getRecords(id: number, code: string, signal?: AbortSignal): Promise<Records> {
  return apiRequest(`/reports/${id}/indicators/${code}/records`, recordsSchema, { signal });
}

export function useRecords(id: number, code: string | null) {
  return useQuery({
    queryKey: ['reports', 'records', id, code],
    queryFn: ({ signal }) => getRecords(id, code ?? '', signal),
    enabled: code !== null,
  });
}
