// The TanStack Query client: server state lives here, not in hand-made stores.
// A 401 on any call but login means the session ended: forget the user so the app shows the login page.
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-error';
import { setCsrfToken } from './csrf';

export const meQueryKey = ['auth', 'me'] as const;

/** `retryDelay` is for tests, which need not wait for the back-off. */
export function createQueryClient(options: { retryDelay?: number } = {}): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isApiError(error) && error.status === 401) sessionEnded();
      },
    }),
    mutationCache: new MutationCache({
      onError: (error, _vars, _ctx, mutation) => {
        if (mutation.meta?.['login'] === true) return;
        if (isApiError(error) && error.status === 401) sessionEnded();
      },
    }),
    defaultOptions: {
      queries: {
        retry: (failureCount, error) => {
          if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
          return failureCount < 2;
        },
        ...(options.retryDelay === undefined ? {} : { retryDelay: options.retryDelay }),
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });

  function sessionEnded(): void {
    setCsrfToken(null);
    client.setQueryData(meQueryKey, null);
  }

  return client;
}
