// On a school's page: the incidents recorded at this school (in the caller's scope), newest first,
// and a link to record one. Analysts see the anonymised statistics under Školy › Incidenty instead.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '@/features/auth/api/get-me';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';
import { useIncidents } from '../api/incidents';

export function SchoolIncidents({ schoolId }: { schoolId: number }) {
  const { t } = useTranslation();
  const analyst = useMe().data?.role === 'analyst';
  if (analyst)
    return (
      <p className="muted">
        <Link to="/incidents">{t('incidents.school.statsLink')}</Link>
      </p>
    );
  return <List schoolId={schoolId} />;
}

function List({ schoolId }: { schoolId: number }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const incidents = useIncidents({ school_id: schoolId });
  return (
    <>
      {incidents.data && incidents.data.items.length === 0 ? <p className="muted">{t('incidents.school.none')}</p> : null}
      {incidents.data && incidents.data.items.length > 0 ? (
        <ul className="plain-list">
          {incidents.data.items.map((i) => (
            <li key={i.id}>
              <Link to={`/incidents/${i.id}`}>{t(`incidents.type.${i.type}`)}</Link> · {formatDate(i.occurred_on, lang)} ·{' '}
              {t(`incidents.status.${i.status}`)}
            </li>
          ))}
        </ul>
      ) : null}
      <Link to="/incidents/new" className="btn btn--secondary">
        {t('incidents.school.record')}
      </Link>
    </>
  );
}
