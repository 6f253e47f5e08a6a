// POST /reports/{id}/submit {version}: freezes the report; 409 when it changed or was submitted already.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { reportSchema, type Report } from './schemas';

export function submitReport({ id, version }: { id: number; version: number }): Promise<Report> {
  return apiRequest(`/reports/${id}/submit`, reportSchema, { method: 'POST', body: { version } });
}

export function useSubmitReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: submitReport,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['reports'] }),
  });
}
