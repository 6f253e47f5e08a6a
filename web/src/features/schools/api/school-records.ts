// What the team records about a school: openness assessments (coordinator/admin), interactions
// (worker, coordinator, admin) and composition estimates (coordinator/admin). Each answers 201 with the
// record; the school is fetched again afterwards.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import {
  compositionSchema,
  interactionSchema,
  opennessSchema,
  type CompositionEstimate,
  type Confidence,
  type Interaction,
  type InteractionType,
  type OpennessAssessment,
  type Stance,
} from '../types';
import { schoolQueryKey, schoolsKey } from './schools';

export type OpennessBody = { stance: Stance; assessed_on: string; evidence: string; assessed_by?: string };
export type InteractionBody = { occurred_on: string; type: InteractionType; summary: string };
export type CompositionBody = {
  school_year: number;
  roma_share?: number;
  disadvantaged_share?: number;
  source: string;
  estimated_on: string;
  confidence: Confidence;
};

export function addOpenness(schoolId: number, body: OpennessBody): Promise<OpennessAssessment> {
  return apiRequest(`/schools/${schoolId}/openness`, opennessSchema, { method: 'POST', body });
}

export function addInteraction(schoolId: number, body: InteractionBody): Promise<Interaction> {
  return apiRequest(`/schools/${schoolId}/interactions`, interactionSchema, { method: 'POST', body });
}

export function addComposition(schoolId: number, body: CompositionBody): Promise<CompositionEstimate> {
  return apiRequest(`/schools/${schoolId}/composition`, compositionSchema, { method: 'POST', body });
}

function useSchoolRecordMutation<TBody, TResult>(schoolId: number, send: (id: number, body: TBody) => Promise<TResult>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TBody) => send(schoolId, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: schoolQueryKey(schoolId) }),
        queryClient.invalidateQueries({ queryKey: [...schoolsKey, 'list'] }),
      ]),
  });
}

export const useAddOpenness = (schoolId: number) => useSchoolRecordMutation(schoolId, addOpenness);
export const useAddInteraction = (schoolId: number) => useSchoolRecordMutation(schoolId, addInteraction);
export const useAddComposition = (schoolId: number) => useSchoolRecordMutation(schoolId, addComposition);
