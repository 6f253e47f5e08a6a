// The incident form's values, client-side checks (messages are i18n keys) and the request body.
import { z } from 'zod';
import { isIsoDate, todayIso } from '@/lib/dates';
import { incidentTypes } from '../types';
import type { IncidentBody } from '../api/incidents';

export const DESCRIPTION_MAX = 20000;

export const incidentFormSchema = z
  .object({
    occurred_on: z.string(),
    type: z.enum(incidentTypes),
    where: z.enum(['school', 'institution']),
    school_id: z.string(),
    institution: z.string().trim().max(300, 'validation.tooLong'),
    description: z.string().trim().min(1, 'validation.required').max(DESCRIPTION_MAX, 'validation.tooLong'),
    person_ids: z.array(z.string()),
  })
  .superRefine((v, ctx) => {
    if (!isIsoDate(v.occurred_on)) ctx.addIssue({ code: 'custom', path: ['occurred_on'], message: 'validation.dateInvalid' });
    else if (v.occurred_on > todayIso())
      ctx.addIssue({ code: 'custom', path: ['occurred_on'], message: 'validation.dateInFuture' });
    if (v.where === 'school' && v.school_id === '')
      ctx.addIssue({ code: 'custom', path: ['school_id'], message: 'validation.required' });
    if (v.where === 'institution' && v.institution === '')
      ctx.addIssue({ code: 'custom', path: ['institution'], message: 'validation.required' });
  });
export type IncidentFormValues = z.infer<typeof incidentFormSchema>;

export function toIncidentBody(v: IncidentFormValues): IncidentBody {
  return {
    occurred_on: v.occurred_on,
    type: v.type,
    school_id: v.where === 'school' ? Number(v.school_id) : null,
    institution: v.where === 'institution' ? v.institution.trim() : null,
    description: v.description.trim(),
    person_ids: v.person_ids.map(Number),
  };
}

export function emptyIncident(personIds: number[] = []): IncidentFormValues {
  return {
    occurred_on: todayIso(),
    type: 'discouraged_from_enrolling',
    where: 'school',
    school_id: '',
    institution: '',
    description: '',
    person_ids: personIds.map(String),
  };
}
