// The language the UI is in now, as a React hook (re-renders on a switch).
import { useTranslation } from 'react-i18next';
import type { AppLanguage } from './format';
import { isAppLanguage } from './i18n';

export function useLanguage(): AppLanguage {
  const { i18n } = useTranslation();
  return isAppLanguage(i18n.language) ? i18n.language : 'cs';
}
