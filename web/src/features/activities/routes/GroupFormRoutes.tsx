// New group and changing a group's name, type and schedule.
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { QueryError } from '@/components/ui/QueryError';
import { useIdParam } from '@/lib/use-id-param';
import { useGroup } from '../api/groups';
import { GroupForm } from '../components/GroupForm';

export function CreateGroupRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('activities.groups.createTitle')} lead={t('activities.groups.createLead')} />
      <GroupForm onSaved={(g) => void navigate(`/activities/groups/${g.id}`, { state: { saved: true } })} />
      <p>
        <Link to="/activities/groups">{t('activities.groups.back')}</Link>
      </p>
    </>
  );
}

export function EditGroupRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useIdParam('groupId') ?? 0;
  const group = useGroup(id);
  if (group.isPending) return <Loading />;
  if (group.isError)
    return (
      <QueryError
        error={group.error}
        notFoundTitle={t('activities.groups.notFoundTitle')}
        notFoundBody={t('activities.groups.notFoundBody')}
        back={<Link to="/activities/groups">{t('activities.groups.back')}</Link>}
        onRetry={() => void group.refetch()}
      />
    );
  return (
    <>
      <PageHeader title={t('activities.groups.editTitle')} lead={group.data.name} />
      <GroupForm group={group.data} onSaved={(g) => void navigate(`/activities/groups/${g.id}`, { state: { saved: true } })} />
      <p>
        <Link to={`/activities/groups/${id}`}>{t('activities.edit.cancel')}</Link>
      </p>
    </>
  );
}
