// The segregation thresholds in force and the zápis windows per level and school year
// (PUT /zapis-windows/{level}/{school_year}: no version to add one; the version read to change one, stale → 409).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { thresholdsSchema, zapisWindowSchema, type Thresholds, type ZapisLevel, type ZapisWindow } from '../types';

export const DEFAULT_THRESHOLDS: Thresholds = { more_than_third: 1 / 3, more_than_half: 0.5, almost_all: 0.9 };

export function getThresholds(signal?: AbortSignal): Promise<Thresholds> {
  return apiRequest('/settings/segregation-thresholds', thresholdsSchema, { signal });
}

export function useThresholds() {
  return useQuery({ queryKey: ['settings', 'segregation-thresholds'], queryFn: ({ signal }) => getThresholds(signal), staleTime: 5 * 60_000 });
}

export const zapisWindowsKey = ['zapis-windows'] as const;

export function getZapisWindows(signal?: AbortSignal): Promise<ZapisWindow[]> {
  return apiRequest('/zapis-windows', z.object({ items: z.array(zapisWindowSchema) }), { signal }).then((r) => r.items);
}

export function useZapisWindows() {
  return useQuery({ queryKey: zapisWindowsKey, queryFn: ({ signal }) => getZapisWindows(signal) });
}

export type ZapisWindowBody = { from: string; to: string; version?: number };

export function putZapisWindow(level: ZapisLevel, schoolYear: number, body: ZapisWindowBody): Promise<ZapisWindow> {
  return apiRequest(`/zapis-windows/${level}/${schoolYear}`, zapisWindowSchema, { method: 'PUT', body });
}

export function usePutZapisWindow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ level, schoolYear, body }: { level: ZapisLevel; schoolYear: number; body: ZapisWindowBody }) =>
      putZapisWindow(level, schoolYear, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: zapisWindowsKey }),
    // A stale version: show what is stored now (the form keeps what was typed).
    onError: () => queryClient.invalidateQueries({ queryKey: zapisWindowsKey }),
  });
}
