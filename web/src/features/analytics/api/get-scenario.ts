// GET /analytics/scenarios/brno?seed=S: the generated Brno-like scenario as JSON. The page offers it
// as a download link (same origin, the session cookie goes along), so no fetch or schema is needed here.
import { buildUrl } from '@/lib/api-client';

export function scenarioUrl(seed: number): string {
  return buildUrl('/analytics/scenarios/brno', { seed });
}

export function scenarioFileName(seed: number): string {
  return `kredo-scenar-brno-seed-${seed}.json`;
}
