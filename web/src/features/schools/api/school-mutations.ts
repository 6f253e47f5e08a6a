// POST /schools (create), PATCH /schools/{id} (edit with version: stale → 409 without `current`, so the
// page reads the school again to show both versions) and PUT /settings/segregation-thresholds.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import type { SchoolBody } from '../lib/school-form';
import { schoolDetailSchema, thresholdsSchema, type SchoolDetail, type Thresholds } from '../types';
import { schoolsKey } from './schools';

export function createSchool(body: SchoolBody): Promise<SchoolDetail> {
  return apiRequest('/schools', schoolDetailSchema, { method: 'POST', body });
}

export function updateSchool(id: number, body: SchoolBody & { version: number }): Promise<SchoolDetail> {
  return apiRequest(`/schools/${id}`, schoolDetailSchema, { method: 'PATCH', body });
}

export function useCreateSchool() {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: createSchool, onSuccess: () => queryClient.invalidateQueries({ queryKey: schoolsKey }) });
}

export function useUpdateSchool(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SchoolBody & { version: number }) => updateSchool(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: schoolsKey }),
  });
}

export function putThresholds(body: Thresholds): Promise<Thresholds> {
  return apiRequest('/settings/segregation-thresholds', thresholdsSchema, { method: 'PUT', body });
}

export function usePutThresholds() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: putThresholds,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['settings', 'segregation-thresholds'] }),
        queryClient.invalidateQueries({ queryKey: schoolsKey }),
      ]),
  });
}
