// GET /auth/me: who is logged in (null when nobody is), and the CSRF token for this session.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api-client';
import { isApiError } from '@/lib/api-error';
import { setCsrfToken } from '@/lib/csrf';
import { meQueryKey } from '@/lib/query-client';
import { userSchema, type User } from '@/types/user';

export const sessionSchema = z.object({ user: userSchema, csrf_token: z.string() });
export type Session = z.infer<typeof sessionSchema>;

export async function getMe(): Promise<User | null> {
  try {
    const session = await apiRequest('/auth/me', sessionSchema);
    setCsrfToken(session.csrf_token);
    return session.user;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

export const meQueryOptions = queryOptions({
  queryKey: meQueryKey,
  queryFn: getMe,
  staleTime: Infinity,
});

export function useMe() {
  return useQuery(meQueryOptions);
}
