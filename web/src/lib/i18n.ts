// i18next set-up: Czech by default, English on request; the choice is kept in localStorage.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { cs, en } from '@/i18n/resources';
import type { AppLanguage } from './format';

export const LANGUAGE_STORAGE_KEY = 'kredo.language';
export const supportedLanguages: readonly AppLanguage[] = ['cs', 'en'];

export function isAppLanguage(value: unknown): value is AppLanguage {
  return value === 'cs' || value === 'en';
}

export function storedLanguage(): AppLanguage {
  try {
    const value = window.localStorage.getItem(LANGUAGE_STORAGE_KEY);
    return isAppLanguage(value) ? value : 'cs';
  } catch {
    return 'cs';
  }
}

export function currentLanguage(): AppLanguage {
  return isAppLanguage(i18next.language) ? i18next.language : 'cs';
}

export async function changeLanguage(lang: AppLanguage): Promise<void> {
  try {
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    // Private mode without storage: the switch still works for this visit.
  }
  await i18next.changeLanguage(lang);
}

function syncDocumentLanguage(lang: string): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

export function initI18n(lang: AppLanguage = storedLanguage()): typeof i18next {
  if (!i18next.isInitialized) {
    i18next.on('languageChanged', syncDocumentLanguage);
    void i18next.use(initReactI18next).init({
      resources: { cs: { translation: cs }, en: { translation: en } },
      lng: lang,
      fallbackLng: 'cs',
      supportedLngs: ['cs', 'en'],
      interpolation: { escapeValue: false },
      returnNull: false,
      initAsync: false,
    });
    syncDocumentLanguage(lang);
  } else if (i18next.language !== lang) {
    void i18next.changeLanguage(lang);
  }
  return i18next;
}
