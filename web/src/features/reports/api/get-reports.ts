// GET /reports: every report, newest first.
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { reportSummarySchema, type ReportSummary } from './schemas';

const listSchema = z.object({ items: z.array(reportSummarySchema) });

export function getReports(signal?: AbortSignal): Promise<ReportSummary[]> {
  return apiRequest('/reports', listSchema, { signal }).then((r) => r.items);
}

export function useReports() {
  return useQuery({ queryKey: ['reports', 'list'], queryFn: ({ signal }) => getReports(signal) });
}
