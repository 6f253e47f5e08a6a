// GET /enrollment/funnel?school_year=: counts per stage (small cells suppressed for analysts).
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { funnelSchema } from '../types';

export function useFunnel(schoolYear: number) {
  return useQuery({
    queryKey: ['enrollment', 'funnel', schoolYear],
    queryFn: ({ signal }) => apiRequest('/enrollment/funnel', funnelSchema, { query: { school_year: schoolYear }, signal }),
  });
}
