// Aktivity: recent activities, who is drifting away, cohort progress and observations.
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { Pagination } from '@/components/ui/Pagination';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';
import { useActivities, useActivityTypes } from '../api/activities';
import { CohortTable } from '../components/CohortTable';
import { DriftingList } from '../components/DriftingList';
import { ObservationsPanel } from '../components/ObservationsPanel';
import '../activities.css';
import { localName } from '../types';

const PAGE_SIZE = 20;

export function ActivitiesRoute() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [page, setPage] = useState(1);
  const activities = useActivities({ from: '', to: '', type: '', page, page_size: PAGE_SIZE });
  const types = useActivityTypes();
  const typeName = (code: string) => {
    const ty = types.data?.items.find((x) => x.code === code);
    return ty ? localName(ty, lang) : code;
  };
  return (
    <>
      <PageHeader
        title={t('places.activities.name')}
        lead={t('activities.list.lead')}
        actions={
          <>
            <Link to="/activities/new" className="btn btn--primary">
              {t('activities.create.link')}
            </Link>
            <Link to="/activities/groups" className="btn btn--secondary">
              {t('activities.groups.title')}
            </Link>
            <Link to="/activities/frameworks" className="btn btn--secondary">
              {t('activities.frameworks.link')}
            </Link>
          </>
        }
      />
      <section aria-labelledby="activities-list-title">
        <h2 id="activities-list-title">{t('activities.list.title')}</h2>
        {activities.isPending ? <Loading /> : null}
        {activities.isError ? (
          <ErrorAlert error={activities.error}>
            <Button variant="secondary" onClick={() => void activities.refetch()}>
              {t('common.retry')}
            </Button>
          </ErrorAlert>
        ) : null}
        {activities.isSuccess ? (
          <>
            <p>{t('activities.list.count', { count: activities.data.total })}</p>
            <ul className="activity-list">
              {activities.data.items.map((a) => (
                <li key={a.id} className="activity-list__item">
                  <Link to={`/activities/${a.id}`}>
                    {formatDate(a.date, lang)} {a.start}–{a.end} · {typeName(a.type)}
                  </Link>{' '}
                  <span>{t('activities.list.participants', { count: a.participants.length })}</span>
                </li>
              ))}
            </ul>
            <Pagination page={page} pageSize={PAGE_SIZE} total={activities.data.total} onPageChange={setPage} label={t("activities.list.title")} />
          </>
        ) : null}
      </section>
      <DriftingList />
      <section aria-labelledby="cohort-title">
        <h2 id="cohort-title">{t('activities.cohort.title')}</h2>
        <CohortTable framework="children" />
        <CohortTable framework="parents" />
      </section>
      <ObservationsPanel />
    </>
  );
}
