// POST /analytics/simulate: the admission-policy simulator on the Brno-like synthetic city
// (no scenario in the body → the server generates it from the seed). Aggregates only.
// The shape below is what the server returns (checked against `kredo serve`, draws 3).
import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';

/** One quantity over the draws: mean, standard deviation and the 5/50/95th percentiles. */
export const spreadSchema = z.object({
  mean: z.number(),
  sd: z.number(),
  p5: z.number(),
  p50: z.number(),
  p95: z.number(),
});
export type Spread = z.infer<typeof spreadSchema>;

export const mechanismKeys = ['catchment', 'boston', 'da', 'da_reserves', 'controlled_choice'] as const;
export type MechanismKey = (typeof mechanismKeys)[number];

export const measureKeys = [
  'M',
  'H',
  'D',
  'first_choice_share',
  'unassigned',
  'mean_distance_km',
  'p90_distance_km',
  'schools_over_third_minority',
] as const;
export type MeasureKey = (typeof measureKeys)[number];

const simulatedSchoolSchema = z.object({
  id: z.string(),
  capacity: z.number(),
  enrolled: spreadSchema,
  minority_share: spreadSchema,
});

export const mechanismResultSchema = z.object({
  mechanism: z.string(),
  M: spreadSchema,
  H: spreadSchema,
  D: spreadSchema,
  first_choice_share: spreadSchema,
  unassigned: spreadSchema,
  mean_distance_km: spreadSchema,
  p90_distance_km: spreadSchema,
  schools_over_third_minority: spreadSchema,
  schools: z.array(simulatedSchoolSchema),
});
export type MechanismResult = z.infer<typeof mechanismResultSchema>;

export const simulationSchema = z.object({
  scenario: z.string(),
  draws: z.number().int(),
  seed: z.number().int(),
  children: z.number().int(),
  minority_children: z.number().int(),
  schools: z.number().int(),
  notes: z.record(z.string(), z.string()),
  mechanisms: z.array(mechanismResultSchema),
});
export type Simulation = z.infer<typeof simulationSchema>;

export const MIN_DRAWS = 1;
export const MAX_DRAWS = 500;
export const DEFAULT_DRAWS = 50;
export const DEFAULT_SEED = 1;

export type SimulateInput = { draws: number; seed: number };

export function simulate(input: SimulateInput, signal?: AbortSignal): Promise<Simulation> {
  return apiRequest('/analytics/simulate', simulationSchema, {
    method: 'POST',
    body: { draws: input.draws, seed: input.seed },
    signal,
  });
}

/** The mutation takes its own AbortSignal so the page can cancel a long run. */
export function useSimulate() {
  return useMutation({
    mutationFn: ({ input, signal }: { input: SimulateInput; signal: AbortSignal }) => simulate(input, signal),
  });
}
