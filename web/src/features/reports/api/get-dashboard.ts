// GET /dashboard?from&to: progress to targets, the enrollment funnel, attendance by month, competence
// progress, incidents by type; each section ok or unavailable with its reason.
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { dashboardSchema, type Dashboard } from './schemas';

export function getDashboard(from: string, to: string, signal?: AbortSignal): Promise<Dashboard> {
  return apiRequest('/dashboard', dashboardSchema, { query: { from, to }, signal });
}

export function useDashboard(from: string, to: string) {
  return useQuery({ queryKey: ['reports', 'dashboard', from, to], queryFn: ({ signal }) => getDashboard(from, to, signal) });
}
