// POST /analytics/segregation: multigroup segregation (M, H), D for two named groups, isolation and
// exposure, and local segregation per unit, computed on rows the browser posts (already aggregated).
// 422 names the row (`rows[3].weight`); 400 says why the table cannot be measured (one group only, …).
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

export type SegregationRow = { group: string; unit: string; weight: number };

export type SegregationInput = {
  rows: SegregationRow[];
  /** Exactly two groups for D, or none. */
  groups?: [string, string];
  /** For each row, the CSV lines it sums (not sent; lets the page place the server's row errors). */
  lines?: number[][];
};

export const localSegregationSchema = z.object({
  unit: z.string(),
  ls: z.number(),
  p: z.number(),
});
export type LocalSegregation = z.infer<typeof localSegregationSchema>;

export const segregationReportSchema = z.object({
  N: z.number(),
  M: z.number(),
  H: z.number(),
  D: z.number().nullable().optional(),
  D_groups: z.tuple([z.string(), z.string()]).optional(),
  isolation: z.record(z.string(), z.number().nullable()),
  exposure: z.record(z.string(), z.record(z.string(), z.number().nullable())).optional(),
  local: z.array(localSegregationSchema).optional(),
  group: z.string(),
  unit: z.string(),
});
export type SegregationReport = z.infer<typeof segregationReportSchema>;

export function postSegregation(input: SegregationInput): Promise<SegregationReport> {
  return apiRequest('/analytics/segregation', segregationReportSchema, {
    method: 'POST',
    body: { rows: input.rows, ...(input.groups ? { groups: input.groups } : {}), local: true },
  });
}

export function useSegregation() {
  return useMutation({ mutationFn: postSegregation });
}
