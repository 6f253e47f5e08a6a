// POST /auth/login: starts a session; 401 wrong credentials, 429 locked out after repeated failures.
// A user with a second factor gets 202 and a challenge instead: the second step
// (features/security, POST /auth/login/second-factor) opens the session.
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

const secondFactorSchema = z.object({ second_factor_required: z.literal(true), challenge: z.string() });
const loginAnswerSchema = z.union([sessionSchema, secondFactorSchema]);

export type LoginOutcome = { kind: 'session'; user: User } | { kind: 'second_factor'; challenge: string };

export async function login(input: LoginInput): Promise<LoginOutcome> {
  const answer = await apiRequest('/auth/login', loginAnswerSchema, { method: 'POST', body: input });
  if ('challenge' in answer) return { kind: 'second_factor', challenge: answer.challenge };
  setCsrfToken(answer.csrf_token);
  return { kind: 'session', user: answer.user };
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    // A wrong password is an answer to show, not a sign that the session ended.
    meta: { login: true },
    onSuccess: (outcome) => {
      if (outcome.kind !== 'session') return;
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== meQueryKey[0] });
      queryClient.setQueryData(meQueryKey, outcome.user);
    },
  });
}
