// Client checks of the school forms (messages are i18n keys); the server checks the same and more,
// and its field errors are shown at the fields.
import { z } from 'zod';
import { isIsoDate, todayIso } from '@/lib/dates';
import { confidences, interactionTypes, stances } from '../types';

export const TEXT_MAX = 5000;

const pastDate = z.string().superRefine((v, ctx) => {
  if (!isIsoDate(v)) ctx.addIssue({ code: 'custom', message: 'validation.dateInvalid' });
  else if (v > todayIso()) ctx.addIssue({ code: 'custom', message: 'validation.dateInFuture' });
});

export const opennessFormSchema = z.object({
  stance: z.enum(stances),
  assessed_on: pastDate,
  evidence: z.string().trim().min(1, 'validation.required').max(TEXT_MAX, 'validation.tooLong'),
  assessed_by: z.string().trim().max(100, 'validation.tooLong'),
});
export type OpennessFormValues = z.infer<typeof opennessFormSchema>;

export const interactionFormSchema = z.object({
  occurred_on: pastDate,
  type: z.enum(interactionTypes),
  summary: z.string().trim().min(1, 'validation.required').max(TEXT_MAX, 'validation.tooLong'),
});
export type InteractionFormValues = z.infer<typeof interactionFormSchema>;

/** A percentage typed the Czech way ("34,5") or the English way ("34.5"); empty is allowed. */
const percent = z.string().refine((v) => {
  const s = v.trim().replace(',', '.');
  if (s === '') return true;
  const n = Number(s);
  return Number.isFinite(n) && n >= 0 && n <= 100;
}, 'schools.validation.percent');

export function parsePercent(v: string): number | undefined {
  const s = v.trim().replace(',', '.');
  return s === '' ? undefined : Math.round(Number(s) * 10) / 1000;
}

export const compositionFormSchema = z
  .object({
    school_year: z.string().regex(/^\d{4}$/, 'schools.validation.schoolYear'),
    roma_share: percent,
    disadvantaged_share: percent,
    source: z.string().trim().min(1, 'validation.required').max(500, 'validation.tooLong'),
    estimated_on: pastDate,
    confidence: z.enum(confidences),
  })
  .superRefine((v, ctx) => {
    if (v.roma_share.trim() === '' && v.disadvantaged_share.trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['roma_share'], message: 'schools.validation.oneShare' });
    }
  });
export type CompositionFormValues = z.infer<typeof compositionFormSchema>;

export const zapisWindowFormSchema = z
  .object({ from: z.string(), to: z.string() })
  .superRefine((v, ctx) => {
    if (!isIsoDate(v.from)) ctx.addIssue({ code: 'custom', path: ['from'], message: 'validation.dateInvalid' });
    if (!isIsoDate(v.to)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'validation.dateInvalid' });
    else if (isIsoDate(v.from) && v.to < v.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'schools.validation.toBeforeFrom' });
  });
export type ZapisWindowFormValues = z.infer<typeof zapisWindowFormSchema>;

/** The school year whose zápis is this calendar year or next (a new window is usually for the coming one). */
export function currentSchoolYearStart(today: string = todayIso()): number {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return m >= 9 ? y + 1 : y;
}
