// POST /families/{id}/contacts: a contact note on the family's timeline (date not in the future,
// summary 1–4000 characters).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequestNoContent } from '@/lib/api-client';
import { isIsoDate, todayIso } from '@/lib/dates';
import { contactTypes, type ContactType } from '../types';
import { timelineQueryKey } from './get-timeline';

export const SUMMARY_MAX = 4000;

export const contactFormSchema = z
  .object({
    date: z.string(),
    type: z.enum(contactTypes),
    summary: z.string().trim().min(1, 'validation.required').max(SUMMARY_MAX, 'families.validation.summaryTooLong'),
    person_ids: z.array(z.string()),
  })
  .superRefine((v, ctx) => {
    if (!isIsoDate(v.date)) ctx.addIssue({ code: 'custom', path: ['date'], message: 'validation.dateInvalid' });
    else if (v.date > todayIso()) ctx.addIssue({ code: 'custom', path: ['date'], message: 'validation.dateInFuture' });
  });
export type ContactFormValues = z.infer<typeof contactFormSchema>;

export type CreateContactBody = { date: string; type: ContactType; summary: string; person_ids?: number[] };

export function toContactBody(v: ContactFormValues): CreateContactBody {
  return { date: v.date, type: v.type, summary: v.summary.trim(), person_ids: v.person_ids.map(Number) };
}

/** The 201 answer's body is not needed: the timeline is fetched again. */
export function createContact(familyId: number, body: CreateContactBody): Promise<void> {
  return apiRequestNoContent(`/families/${familyId}/contacts`, { method: 'POST', body });
}

export function useCreateContact(familyId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateContactBody) => createContact(familyId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: timelineQueryKey(familyId) }),
  });
}
