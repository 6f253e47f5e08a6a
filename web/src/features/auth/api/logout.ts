// POST /auth/logout: ends the session; afterwards nothing of the previous user stays cached.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequestNoContent } from '@/lib/api-client';
import { setCsrfToken } from '@/lib/csrf';
import { meQueryKey } from '@/lib/query-client';

export async function logout(): Promise<void> {
  await apiRequestNoContent('/auth/logout', { method: 'POST' });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      setCsrfToken(null);
      queryClient.clear();
      queryClient.setQueryData(meQueryKey, null);
    },
  });
}
