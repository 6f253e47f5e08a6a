// GET /project: the project as data (period, reporting periods, targets, settings).
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { projectSchema, type Project } from './schemas';

export function getProject(signal?: AbortSignal): Promise<Project> {
  return apiRequest('/project', projectSchema, { signal });
}

export function useProject() {
  return useQuery({ queryKey: ['reports', 'project'], queryFn: ({ signal }) => getProject(signal) });
}
