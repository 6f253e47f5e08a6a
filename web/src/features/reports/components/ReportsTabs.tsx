// Výkazy › reports | dashboard | impact summary | project and targets.
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import '../reports.css';

export function ReportsTabs() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t('reports.tabs.label')}>
      <ul className="reports-tabs">
        <li>
          <NavLink to="/reports" end>
            {t('reports.tabs.reports')}
          </NavLink>
        </li>
        <li>
          <NavLink to="/reports/dashboard">{t('reports.tabs.dashboard')}</NavLink>
        </li>
        <li>
          <NavLink to="/reports/impact">{t('reports.tabs.impact')}</NavLink>
        </li>
        <li>
          <NavLink to="/reports/project">{t('reports.tabs.project')}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
