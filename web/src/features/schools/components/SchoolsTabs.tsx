// Školy › schools | incidents | zápis windows | segregation thresholds (UI.md: incidents live with the schools).
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import '../schools.css';

export function SchoolsTabs() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('schools.tabs.label')}>
      <ul className="schools-tabs">
        <li>
          <NavLink to="/schools" end>
            {t('schools.tabs.schools')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/incidents">{t('schools.tabs.incidents')}</NavLink>
        </li>
        <li>
          <NavLink to="/schools/zapis-windows">{t('schools.tabs.zapis')}</NavLink>
        </li>
        <li>
          <NavLink to="/schools/thresholds">{t('schools.tabs.thresholds')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
