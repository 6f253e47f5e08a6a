// Správa › Uživatelé: the list of accounts and the way to a new one.
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/Alert';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { Button } from '@/components/ui/Button';
import { EmptyState } from '@/components/ui/EmptyState';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { useUsers } from '../api/get-users';
import { UsersTable } from '../components/UsersTable';

export type UsersRouteState = { created?: string };

export function UsersRoute() {
  const { t } = useTranslation();
  const users = useUsers();
  const state = useLocation().state as UsersRouteState | null;

  return (
    <>
      <Breadcrumbs items={[{ label: t('places.admin.name'), to: '/admin' }]} />
      <PageHeader
        title={t('admin.users.title')}
        lead={t('admin.users.lead')}
        actions={
          <Link to="/admin/users/new" className="btn btn--primary">
            {t('admin.users.create')}
          </Link>
        }
      />
      {state?.created ? <Alert tone="success" title={t('admin.users.created', { username: state.created })} /> : null}
      {users.isPending ? <Loading /> : null}
      {users.isError ? (
        <ErrorAlert error={users.error}>
          <Button variant="secondary" onClick={() => void users.refetch()}>
            {t('common.retry')}
          </Button>
        </ErrorAlert>
      ) : null}
      {users.isSuccess && users.data.items.length === 0 ? (
        <EmptyState title={t('admin.users.emptyTitle')}>
          <p>{t('admin.users.emptyBody')}</p>
        </EmptyState>
      ) : null}
      {users.isSuccess && users.data.items.length > 0 ? (
        <>
          <p className="muted">{t('admin.users.count', { count: users.data.total })}</p>
          <UsersTable users={users.data.items} />
        </>
      ) : null}
    </>
  );
}
