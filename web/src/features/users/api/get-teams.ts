// GET /teams: the field teams a worker can belong to.
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

export const teamSchema = z.object({ id: z.number().int(), name: z.string() });
export type Team = z.infer<typeof teamSchema>;
export const teamsListSchema = z.object({ items: z.array(teamSchema) });

export function getTeams(): Promise<Team[]> {
  return apiRequest('/teams', teamsListSchema).then((list) => list.items);
}

export function useTeams() {
  return useQuery({ queryKey: ['teams'], queryFn: getTeams, staleTime: 5 * 60_000 });
}
