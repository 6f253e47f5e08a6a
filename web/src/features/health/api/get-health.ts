// GET /health: whether the server and its database answer, and which version runs.
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

export const healthSchema = z.object({
  status: z.string(),
  db: z.string(),
  schema_version: z.number().int(),
  version: z.string(),
});
export type Health = z.infer<typeof healthSchema>;

export function getHealth(): Promise<Health> {
  return apiRequest('/health', healthSchema);
}

export function useHealth() {
  return useQuery({ queryKey: ['health'], queryFn: getHealth, staleTime: 5 * 60_000, retry: false });
}
