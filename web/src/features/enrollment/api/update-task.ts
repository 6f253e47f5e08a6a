// PATCH /tasks/{id}: done or reopened, guarded by the task's version (409 when stale).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { taskSchema, type Task } from '../types';

export function updateTask(id: number, version: number, status: 'done' | 'open'): Promise<Task> {
  return apiRequest(`/tasks/${id}`, taskSchema, { method: 'PATCH', body: { version, status } });
}

export function useUpdateTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ task, status }: { task: Task; status: 'done' | 'open' }) => updateTask(task.id, task.version, status),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['tasks'] }),
  });
}
