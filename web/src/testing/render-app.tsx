// Renders the whole app (real routes, providers, i18n) at a path, over the mocked API.
import { render, type RenderResult } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { RouterProvider, createMemoryRouter } from 'react-router';
import { AppProvider } from '@/app/provider';
import { routes } from '@/app/router';
import { initI18n } from '@/lib/i18n';
import { createQueryClient } from '@/lib/query-client';

export function renderApp(path: string) {
  const queryClient = createQueryClient({ retryDelay: 0 });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const user = userEvent.setup();
  const result: RenderResult = render(
    <AppProvider queryClient={queryClient} i18n={initI18n()}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...result, router, queryClient, user };
}
