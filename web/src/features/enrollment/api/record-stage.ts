// POST /enrollment-cases/{id}/stages: record (or correct) one stage event with the case's version.
// A stale version answers 409; bad dates (a decision before the application…) 422 on the field.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { isIsoDate } from '@/lib/dates';
import { appealOutcomes, applicationChannels, decisions, deliveryMethods, enrollmentStages, stageRecordedSchema, type StageRecorded } from '../types';

const optionalText = (max: number) => z.string().max(max, { message: 'validation.tooLong' });
const optionalDate = z.string().refine((v) => v === '' || isIsoDate(v), { message: 'validation.dateInvalid' });

export const stageFormSchema = z.object({
  stage: z.enum(enrollmentStages),
  date: z.string().refine(isIsoDate, { message: 'validation.dateInvalid' }),
  note: optionalText(16000),
  number: optionalText(100),
  channel: z.union([z.enum(applicationChannels), z.literal('')]),
  decision: z.union([z.enum(decisions), z.literal('')]),
  method: z.union([z.enum(deliveryMethods), z.literal('')]),
  collected_date: optionalDate,
  outcome: z.union([z.enum(appealOutcomes), z.literal('')]),
  outcome_date: optionalDate,
  attending: z.enum(['', 'yes', 'no']),
});
export type StageFormValues = z.infer<typeof stageFormSchema>;

export type StageBody = {
  version: number;
  stage: string;
  date: string;
  note?: string;
  number?: string;
  channel?: string;
  decision?: string;
  method?: string;
  collected_date?: string;
  outcome?: string;
  outcome_date?: string;
  attending?: boolean;
};

/** Only the fields the chosen stage uses travel; empty ones are left out. */
export function toStageBody(values: StageFormValues, version: number): StageBody {
  const body: StageBody = { version, stage: values.stage, date: values.date };
  if (values.note.trim()) body.note = values.note.trim();
  switch (values.stage) {
    case 'application_filed':
      if (values.number.trim()) body.number = values.number.trim();
      if (values.channel) body.channel = values.channel;
      break;
    case 'decision':
      if (values.decision) body.decision = values.decision;
      break;
    case 'delivery':
      if (values.method) body.method = values.method;
      if (values.collected_date) body.collected_date = values.collected_date;
      break;
    case 'appeal':
      if (values.outcome) body.outcome = values.outcome;
      if (values.outcome_date) body.outcome_date = values.outcome_date;
      break;
    case 'attending_3_months':
    case 'attending_12_months':
      if (values.attending) body.attending = values.attending === 'yes';
      break;
    default:
      break;
  }
  return body;
}

export function recordStage(id: number, body: StageBody): Promise<StageRecorded> {
  return apiRequest(`/enrollment-cases/${id}/stages`, stageRecordedSchema, { method: 'POST', body });
}

export function useRecordStage(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StageBody) => recordStage(id, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['enrollment'] }),
        queryClient.invalidateQueries({ queryKey: ['tasks'] }),
      ]),
  });
}
