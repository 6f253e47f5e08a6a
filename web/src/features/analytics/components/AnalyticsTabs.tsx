// The three parts of Analýzy as tabs-like links; the current one is marked by aria-current and weight.
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import '../analytics.css';

const parts = [
  { key: 'schools', to: '/analytics', end: true },
  { key: 'simulator', to: '/analytics/simulator', end: false },
  { key: 'segregation', to: '/analytics/segregation', end: false },
] as const;

export function AnalyticsTabs() {
  const { t } = useTranslation();
  return (
    <nav className="analytics-tabs" aria-label={t('analytics.tabs.label')}>
      <ul className="analytics-tabs__list">
        {parts.map((p) => (
          <li key={p.key}>
            <NavLink to={p.to} end={p.end} className="analytics-tabs__link">
              {t(`analytics.tabs.${p.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
