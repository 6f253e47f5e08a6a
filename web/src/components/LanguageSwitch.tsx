// Čeština / English toggle; the choice is remembered on this device.
import { useTranslation } from 'react-i18next';
import { changeLanguage, supportedLanguages } from '@/lib/i18n';
import { useLanguage } from '@/lib/use-language';

const labels = { cs: { short: 'CS', long: 'Čeština' }, en: { short: 'EN', long: 'English' } } as const;

export function LanguageSwitch() {
  const { t } = useTranslation();
  const current = useLanguage();
  return (
    <div className="lang-switch" role="group" aria-label={t('language.label')}>
      {supportedLanguages.map((lang) => (
        <button
          key={lang}
          type="button"
          className="lang-switch__option"
          lang={lang}
          aria-pressed={current === lang}
          aria-label={labels[lang].long}
          title={labels[lang].long}
          onClick={() => void changeLanguage(lang)}
        >
          {labels[lang].short}
        </button>
      ))}
    </div>
  );
}
