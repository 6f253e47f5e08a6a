// Change an activity (type, time, place, topics, notes, participants) with the version guard.
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { QueryError } from '@/components/ui/QueryError';
import { useIdParam } from '@/lib/use-id-param';
import { useActivity } from '../api/activities';
import { ActivityForm } from '../components/ActivityForm';

export function EditActivityRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useIdParam('activityId') ?? 0;
  const activity = useActivity(id);
  if (activity.isPending) return <Loading />;
  if (activity.isError)
    return (
      <QueryError
        error={activity.error}
        notFoundTitle={t('activities.notFound.title')}
        notFoundBody={t('activities.notFound.body')}
        back={<Link to="/activities">{t('activities.back')}</Link>}
        onRetry={() => void activity.refetch()}
      />
    );
  return (
    <>
      <PageHeader title={t('activities.edit.title')} />
      <ActivityForm activity={activity.data} onSaved={(a) => void navigate(`/activities/${a.id}`, { state: { saved: true } })} />
      <p>
        <Link to={`/activities/${id}`}>{t('activities.edit.cancel')}</Link>
      </p>
    </>
  );
}
