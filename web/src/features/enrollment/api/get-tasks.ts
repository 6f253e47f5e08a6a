// GET /tasks?scope=this_week|overdue|mine: deadlines generated from the enrollment pathways.
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { taskSchema, type Task } from '../types';

export const taskScopes = ['this_week', 'overdue', 'mine'] as const;
export type TaskScope = (typeof taskScopes)[number];

const tasksSchema = z.object({ scope: z.string(), items: z.array(taskSchema) });

export function getTasks(scope: TaskScope, signal?: AbortSignal): Promise<Task[]> {
  return apiRequest('/tasks', tasksSchema, { query: { scope }, signal }).then((r) => r.items);
}

export function useTasks(scope: TaskScope) {
  return useQuery({ queryKey: ['tasks', scope], queryFn: ({ signal }) => getTasks(scope, signal) });
}
