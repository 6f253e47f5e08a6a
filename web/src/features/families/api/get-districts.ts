// GET /districts: Brno's 29 city districts (code + Czech name) for filters and addresses.
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

export const districtSchema = z.object({ code: z.string(), name: z.string() });
export type District = z.infer<typeof districtSchema>;

export function getDistricts(): Promise<District[]> {
  return apiRequest('/districts', z.object({ items: z.array(districtSchema) })).then((list) => list.items);
}

export function useDistricts() {
  return useQuery({ queryKey: ['districts'], queryFn: getDistricts, staleTime: Infinity });
}

/** The district's name for a code; the code itself when the list is not loaded or does not know it. */
export function districtName(districts: readonly District[] | undefined, code: string): string {
  return districts?.find((d) => d.code === code)?.name ?? code;
}
