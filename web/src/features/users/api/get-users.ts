// GET /users (admin): every account with its role, team and whether it may log in.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { userSchema } from '@/types/user';

export const usersListSchema = z.object({ items: z.array(userSchema), total: z.number().int() });
export type UsersList = z.infer<typeof usersListSchema>;

export const usersQueryKey = ['users'] as const;

export function getUsers(): Promise<UsersList> {
  return apiRequest('/users', usersListSchema);
}

export const usersQueryOptions = queryOptions({ queryKey: usersQueryKey, queryFn: getUsers });

export function useUsers() {
  return useQuery(usersQueryOptions);
}
