// Schools as the schools API sends them (docs/openapi.yaml: School, SchoolListItem, SchoolDetail, …).
import { z } from 'zod';

export const schoolTypes = ['ms', 'zs', 'zs_16_9', 'preparatory_class'] as const;
export type SchoolType = (typeof schoolTypes)[number];

/** Label of a composition estimate under the current thresholds; unknown without a Roma share. */
export const segregationStatuses = ['unknown', 'below_thresholds', 'more_than_third', 'more_than_half', 'almost_all'] as const;
export type SegregationStatus = (typeof segregationStatuses)[number];

export const confidences = ['low', 'medium', 'high'] as const;
export const stances = ['open', 'mixed', 'closed'] as const;
export const interactionTypes = ['meeting', 'phone', 'email', 'letter', 'visit', 'other'] as const;
export const zapisLevels = ['ms', 'zs'] as const;
export type ZapisLevel = (typeof zapisLevels)[number];
export type Stance = (typeof stances)[number];
export type InteractionType = (typeof interactionTypes)[number];
export type Confidence = (typeof confidences)[number];

const id = z.number().int();
const nullableNumber = z.number().nullable();

export const schoolSchema = z.object({
  id,
  izo: z.string(),
  red_izo: z.string().nullable(),
  name: z.string(),
  type: z.enum(schoolTypes),
  founder: z.object({ name: z.string().nullable(), ico: z.string().nullable() }),
  address: z.string().nullable(),
  ruian_code: z.number().int().nullable(),
  district: z.string().nullable(),
  capacity: z.number().int().nullable(),
  coordinates: z.object({
    sjtsk_y: nullableNumber,
    sjtsk_x: nullableNumber,
    latitude: nullableNumber,
    longitude: nullableNumber,
  }),
  source: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  version: z.number().int(),
});
export type School = z.infer<typeof schoolSchema>;

export const schoolListItemSchema = schoolSchema.extend({
  segregation_status: z.enum(segregationStatuses),
  roma_share: nullableNumber,
  composition_school_year: z.number().int().nullable(),
});
export type SchoolListItem = z.infer<typeof schoolListItemSchema>;

export const compositionSchema = z.object({
  id,
  school_id: id,
  school_year: z.number().int(),
  roma_share: nullableNumber,
  disadvantaged_share: nullableNumber,
  source: z.string(),
  estimated_on: z.string(),
  confidence: z.enum(confidences),
  segregation_status: z.enum(segregationStatuses),
  created_at: z.string(),
  created_by: z.string(),
});
export type CompositionEstimate = z.infer<typeof compositionSchema>;

export const opennessSchema = z.object({
  id,
  school_id: id,
  stance: z.enum(stances),
  assessed_on: z.string(),
  evidence: z.string(),
  assessed_by: z.string(),
  created_at: z.string(),
});
export type OpennessAssessment = z.infer<typeof opennessSchema>;

export const interactionSchema = z.object({
  id,
  school_id: id,
  occurred_on: z.string(),
  type: z.enum(interactionTypes),
  worker: z.string(),
  summary: z.string(),
  created_at: z.string(),
});
export type Interaction = z.infer<typeof interactionSchema>;

export const schoolDetailSchema = schoolSchema.extend({
  composition: z.array(compositionSchema),
  segregation_status: z.enum(segregationStatuses),
  openness: z.array(opennessSchema),
  interactions: z.array(interactionSchema),
});
export type SchoolDetail = z.infer<typeof schoolDetailSchema>;

export const thresholdsSchema = z.object({
  more_than_third: z.number(),
  more_than_half: z.number(),
  almost_all: z.number(),
});
export type Thresholds = z.infer<typeof thresholdsSchema>;

export const zapisWindowSchema = z.object({
  level: z.enum(zapisLevels),
  school_year: z.number().int(),
  school_year_label: z.string(),
  from: z.string(),
  to: z.string(),
  version: z.number().int(),
  updated_at: z.string(),
  updated_by: z.string(),
});
export type ZapisWindow = z.infer<typeof zapisWindowSchema>;

/** "2025/26" for the school year starting in 2025. */
export function schoolYearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** The zápis level that admits to a school of this type: MŠ for kindergartens, ZŠ otherwise. */
export function zapisLevelOf(type: SchoolType): ZapisLevel {
  return type === 'ms' ? 'ms' : 'zs';
}
