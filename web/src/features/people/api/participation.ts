// ESF+ participation: POST /people/{id}/participation (entry) and PATCH /participation/{id} (exit, corrections).
// Exit not before entry; an exit needs its reason.
import { z } from 'zod';
import { apiRequestNoContent } from '@/lib/api-client';
import { isIsoDate, todayIso } from '@/lib/dates';
import { yesNoNotStated, type Participation, type YesNoNotStated } from '../types';
import { usePersonPartMutation } from './use-person-mutation';

const flag = z.enum(yesNoNotStated);

export const participationFormSchema = z
  .object({
    entry_date: z.string(),
    exit_date: z.string(),
    exit_reason: z.string().trim().max(500, 'validation.tooLong'),
    third_country_national: flag,
    foreign_background: flag,
    housing_exclusion: flag,
    rural: flag,
  })
  .superRefine((v, ctx) => {
    if (!isIsoDate(v.entry_date)) ctx.addIssue({ code: 'custom', path: ['entry_date'], message: 'validation.dateInvalid' });
    else if (v.entry_date > todayIso()) ctx.addIssue({ code: 'custom', path: ['entry_date'], message: 'validation.dateInFuture' });
    if (v.exit_date !== '') {
      if (!isIsoDate(v.exit_date)) ctx.addIssue({ code: 'custom', path: ['exit_date'], message: 'validation.dateInvalid' });
      else if (isIsoDate(v.entry_date) && v.exit_date < v.entry_date) {
        ctx.addIssue({ code: 'custom', path: ['exit_date'], message: 'people.validation.exitBeforeEntry' });
      }
      if (v.exit_reason === '') ctx.addIssue({ code: 'custom', path: ['exit_reason'], message: 'people.validation.exitReasonRequired' });
    }
  });
export type ParticipationFormValues = z.infer<typeof participationFormSchema>;

export const participationFormFields = [
  'entry_date',
  'exit_date',
  'exit_reason',
  'third_country_national',
  'foreign_background',
  'housing_exclusion',
  'rural',
] as const;

export type ParticipationBody = {
  entry_date: string;
  exit_date: string | null;
  exit_reason: string | null;
  third_country_national: YesNoNotStated;
  foreign_background: YesNoNotStated;
  housing_exclusion: YesNoNotStated;
  rural: YesNoNotStated;
};

export function participationValues(p: Participation | null): ParticipationFormValues {
  return {
    entry_date: p?.entry_date ?? todayIso(),
    exit_date: p?.exit_date ?? '',
    exit_reason: p?.exit_reason ?? '',
    third_country_national: p?.third_country_national ?? 'not_stated',
    foreign_background: p?.foreign_background ?? 'not_stated',
    housing_exclusion: p?.housing_exclusion ?? 'not_stated',
    rural: p?.rural ?? 'not_stated',
  };
}

export function toParticipationBody(v: ParticipationFormValues): ParticipationBody {
  return {
    ...v,
    exit_date: v.exit_date || null,
    exit_reason: v.exit_date ? v.exit_reason.trim() : null,
  };
}

export function createParticipation(personId: number, body: ParticipationBody): Promise<void> {
  return apiRequestNoContent(`/people/${personId}/participation`, { method: 'POST', body });
}

export function updateParticipation(id: number, body: ParticipationBody & { version: number }): Promise<void> {
  return apiRequestNoContent(`/participation/${id}`, { method: 'PATCH', body });
}

export type SaveParticipationVars = { id: number | null; version: number | null; body: ParticipationBody };

export function useSaveParticipation(personId: number) {
  return usePersonPartMutation(personId, ({ id, version, body }: SaveParticipationVars) =>
    id === null ? createParticipation(personId, body) : updateParticipation(id, { ...body, version: version ?? 0 }),
  );
}
