// The app as the browser runs it.
import { useState } from 'react';
import { RouterProvider, createBrowserRouter } from 'react-router';
import { initI18n } from '@/lib/i18n';
import { createQueryClient } from '@/lib/query-client';
import { AppProvider } from './provider';
import { routes } from './router';

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createBrowserRouter(routes));
  const [i18n] = useState(() => initI18n());
  return (
    <AppProvider queryClient={queryClient} i18n={i18n}>
      <RouterProvider router={router} />
    </AppProvider>
  );
}
