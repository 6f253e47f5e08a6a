// Schools as the schools API sends them, for unit tests.
import type { CompositionEstimate, Interaction, OpennessAssessment, SchoolDetail, SchoolListItem, ZapisWindow } from '@/features/schools/types';
import { json, type MockReply } from './mock-server';

const school = {
  id: 7,
  izo: '102345678',
  red_izo: '600123456',
  name: 'Základní škola Brno, Fiktivní 12',
  type: 'zs' as const,
  founder: { name: 'Městská část Brno-střed', ico: '44992785' },
  address: 'Fiktivní 12, 602 00 Brno',
  ruian_code: 19012345,
  district: 'Brno-střed',
  capacity: 540,
  coordinates: { sjtsk_y: null, sjtsk_x: null, latitude: 49.2, longitude: 16.61 },
  source: 'manual',
  created_at: '2026-01-05T08:00:00Z',
  updated_at: '2026-11-01T08:00:00Z',
  version: 2,
};

export function makeSchoolItem(overrides: Partial<SchoolListItem> = {}): SchoolListItem {
  return { ...school, segregation_status: 'more_than_half', roma_share: 0.62, composition_school_year: 2025, ...overrides };
}

export function makeEstimate(overrides: Partial<CompositionEstimate> = {}): CompositionEstimate {
  return {
    id: 1,
    school_id: 7,
    school_year: 2023,
    roma_share: 0.3,
    disadvantaged_share: 0.4,
    source: 'rozhovor s vedením',
    estimated_on: '2023-10-10',
    confidence: 'medium',
    segregation_status: 'below_thresholds',
    created_at: '2023-10-11T08:00:00Z',
    created_by: 'koordinator',
    ...overrides,
  };
}

export const estimates: CompositionEstimate[] = [
  makeEstimate({ id: 3, school_year: 2025, roma_share: 0.62, disadvantaged_share: 0.7, estimated_on: '2025-10-01', segregation_status: 'more_than_half', confidence: 'high' }),
  makeEstimate({ id: 2, school_year: 2024, roma_share: 0.45, disadvantaged_share: null, estimated_on: '2024-10-01', segregation_status: 'more_than_third' }),
  makeEstimate(),
];

export const openness: OpennessAssessment[] = [
  { id: 4, school_id: 7, stance: 'closed', assessed_on: '2026-09-15', evidence: 'Ředitel odmítl schůzku o přijetí dětí z ubytovny.', assessed_by: 'koordinator', created_at: '2026-09-15T10:00:00Z' },
];

export const interactions: Interaction[] = [
  { id: 5, school_id: 7, occurred_on: '2026-11-20', type: 'meeting', worker: 'terenni', summary: 'Schůzka se zástupkyní o zápisu.', created_at: '2026-11-20T10:00:00Z' },
];

export function makeSchoolDetail(overrides: Partial<SchoolDetail> = {}): SchoolDetail {
  return { ...school, composition: estimates, segregation_status: 'more_than_half', openness, interactions, ...overrides };
}

export function schoolsReply(items: SchoolListItem[], page = 1, total = items.length): MockReply {
  return json({ items, total, page, page_size: 25 });
}

export const thresholdsReply = json({ more_than_third: 1 / 3, more_than_half: 0.5, almost_all: 0.9 });

export function makeWindow(overrides: Partial<ZapisWindow> = {}): ZapisWindow {
  return {
    level: 'zs',
    school_year: 2026,
    school_year_label: '2026/27',
    from: '2026-04-01',
    to: '2026-04-30',
    version: 1,
    updated_at: '2026-01-10T08:00:00Z',
    updated_by: 'koordinator',
    ...overrides,
  };
}

export const windowsReply = json({
  items: [
    makeWindow({ school_year: 2027, school_year_label: '2027/28', from: '2027-04-01', to: '2027-04-30', version: 1 }),
    makeWindow(),
    makeWindow({ level: 'ms', from: '2026-03-15', to: '2026-04-15', version: 2 }),
    makeWindow({ school_year: 2025, school_year_label: '2025/26', from: '2025-04-01', to: '2025-04-30' }),
  ],
});
