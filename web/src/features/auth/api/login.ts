// POST /auth/login: starts a session; 401 wrong credentials, 429 locked out after repeated failures.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { setCsrfToken } from '@/lib/csrf';
import { meQueryKey } from '@/lib/query-client';
import type { User } from '@/types/user';
import { sessionSchema } from './get-me';

export const loginInputSchema = z.object({
  username: z.string().trim().min(1, 'validation.required'),
  password: z.string().min(1, 'validation.required'),
});
export type LoginInput = z.infer<typeof loginInputSchema>;

export async function login(input: LoginInput): Promise<User> {
  const session = await apiRequest('/auth/login', sessionSchema, { method: 'POST', body: input });
  setCsrfToken(session.csrf_token);
  return session.user;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    // A wrong password is an answer to show, not a sign that the session ended.
    meta: { login: true },
    onSuccess: (user) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, user);
    },
  });
}
