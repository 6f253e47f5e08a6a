// Rodiny has two ways in: by family and by person. The current one is marked by aria-current and weight.
import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import '../styles/registry-extra.css';

const parts = [
  { key: 'families', to: '/families' },
  { key: 'people', to: '/people' },
] as const;

export function RegistryTabs() {
  const { t } = useTranslation();
  return (
    <nav className="subnav" aria-label={t('registryExtra.tabs.label')}>
      <ul className="subnav__list">
        {parts.map((p) => (
          <li key={p.key}>
            <NavLink to={p.to} end className="subnav__link">
              {t(`registryExtra.tabs.${p.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
