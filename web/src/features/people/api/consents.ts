// Consents: POST /people/{id}/consents (given) and POST /consents/{id}/withdraw (effective at once).
import { z } from 'zod';
import { apiRequestNoContent } from '@/lib/api-client';
import { isIsoDate, todayIso } from '@/lib/dates';
import { consentForms, consentGivers, consentPurposes, type Consent } from '../types';
import { usePersonPartMutation } from './use-person-mutation';

export const consentFormSchema = z
  .object({
    purpose: z.enum(consentPurposes),
    school: z.string().trim(),
    given_by: z.enum(consentGivers),
    representative_id: z.string(),
    given_on: z.string(),
    form: z.enum(consentForms),
    expires_on: z.string(),
  })
  .superRefine((v, ctx) => {
    if (!isIsoDate(v.given_on)) ctx.addIssue({ code: 'custom', path: ['given_on'], message: 'validation.dateInvalid' });
    else if (v.given_on > todayIso()) ctx.addIssue({ code: 'custom', path: ['given_on'], message: 'validation.dateInFuture' });
    if (v.expires_on !== '') {
      if (!isIsoDate(v.expires_on)) ctx.addIssue({ code: 'custom', path: ['expires_on'], message: 'validation.dateInvalid' });
      else if (isIsoDate(v.given_on) && v.expires_on < v.given_on) {
        ctx.addIssue({ code: 'custom', path: ['expires_on'], message: 'people.validation.expiresBeforeGiven' });
      }
    }
    if (v.purpose === 'school_sharing' && v.school === '') {
      ctx.addIssue({ code: 'custom', path: ['school'], message: 'people.validation.schoolRequired' });
    }
    if (v.given_by === 'legal_representative' && v.representative_id === '') {
      ctx.addIssue({ code: 'custom', path: ['representative_id'], message: 'people.validation.representativeRequired' });
    }
  });
export type ConsentFormValues = z.infer<typeof consentFormSchema>;

export const consentFormFields = ['purpose', 'school', 'given_by', 'representative_id', 'given_on', 'form', 'expires_on'] as const;

export type ConsentBody = {
  purpose: Consent['purpose'];
  school: string | null;
  given_by: Consent['given_by'];
  representative_id: number | null;
  given_on: string;
  form: Consent['form'];
  expires_on: string | null;
};

export function toConsentBody(v: ConsentFormValues): ConsentBody {
  return {
    purpose: v.purpose,
    school: v.purpose === 'school_sharing' ? v.school : null,
    given_by: v.given_by,
    representative_id: v.given_by === 'legal_representative' && v.representative_id !== '' ? Number(v.representative_id) : null,
    given_on: v.given_on,
    form: v.form,
    expires_on: v.expires_on || null,
  };
}

export function createConsent(personId: number, body: ConsentBody): Promise<void> {
  return apiRequestNoContent(`/people/${personId}/consents`, { method: 'POST', body });
}

export function useCreateConsent(personId: number) {
  return usePersonPartMutation(personId, (body: ConsentBody) => createConsent(personId, body));
}

export function withdrawConsent(id: number, reason: string): Promise<void> {
  return apiRequestNoContent(`/consents/${id}/withdraw`, { method: 'POST', body: reason.trim() ? { reason: reason.trim() } : {} });
}

export function useWithdrawConsent(personId: number) {
  return usePersonPartMutation(personId, ({ id, reason }: { id: number; reason: string }) => withdrawConsent(id, reason));
}
