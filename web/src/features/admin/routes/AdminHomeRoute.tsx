// Správa: the administrator's pages, the built ones as links and the coming ones named honestly.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/ui/PageHeader';

export function AdminHomeRoute() {
  const { t } = useTranslation();
  const planned = t('admin.planned', { returnObjects: true });
  return (
    <>
      <PageHeader title={t('places.admin.name')} lead={t('places.admin.purpose')} />
      <ul className="card-list">
        <li className="card">
          <h2 className="card__title">
            <Link to="/admin/users">{t('admin.users.title')}</Link>
          </h2>
          <p>{t('admin.users.summary')}</p>
        </li>
        <li className="card">
          <h2 className="card__title">
            <Link to="/admin/audit">{t('admin.audit.title')}</Link>
          </h2>
          <p>{t('admin.audit.summary')}</p>
        </li>
      </ul>
      {Array.isArray(planned) ? (
        <section className="section">
          <h2>{t('admin.plannedTitle')}</h2>
          <ul className="plain-list">
            {planned.map((item) => (
              <li key={String(item)}>{String(item)}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
