// Vitest set-up for DOM tests: zod as in the browser, Czech UI, a clean DOM, storage and token per test.
import '@/lib/zod-config';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { setCsrfToken } from '@/lib/csrf';
import { initI18n } from '@/lib/i18n';

beforeEach(async () => {
  window.localStorage.clear();
  setCsrfToken(null);
  const i18n = initI18n('cs');
  if (i18n.language !== 'cs') await i18n.changeLanguage('cs');
});

afterEach(() => {
  cleanup();
});
