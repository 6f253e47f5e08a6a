// POST /reports {from, to}: a draft report for the period; 422 names the bad field.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { reportSchema, type Report } from './schemas';

export type CreateReportBody = { from: string; to: string };

export function createReport(body: CreateReportBody): Promise<Report> {
  return apiRequest('/reports', reportSchema, { method: 'POST', body });
}

export function useCreateReport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createReport,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['reports', 'list'] }),
  });
}
