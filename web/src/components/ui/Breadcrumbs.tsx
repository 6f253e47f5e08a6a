// Where this page sits: "Správa › Uživatelé".
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export type Crumb = { label: string; to: string };

export function Breadcrumbs({ items }: { items: Crumb[] }) {
  const { t } = useTranslation();
  return (
    <nav className="breadcrumbs" aria-label={t('nav.breadcrumbs')}>
      <ol>
        {items.map((item) => (
          <li key={item.to}>
            <Link to={item.to}>{item.label}</Link>
            <span className="breadcrumbs__sep" aria-hidden="true">
              ›
            </span>
          </li>
        ))}
      </ol>
    </nav>
  );
}
