// Správa › Uživatelé › <username>: one account's details and the edit form.
import { useParams } from 'react-router';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { Button } from '@/components/ui/Button';
import { EmptyState } from '@/components/ui/EmptyState';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';
import { useUsers } from '../api/get-users';
import { EditUserForm } from '../components/EditUserForm';

export function EditUserRoute() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { userId } = useParams();
  const users = useUsers();
  const crumbs = [
    { label: t('places.admin.name'), to: '/admin' },
    { label: t('admin.users.title'), to: '/admin/users' },
  ];

  if (users.isPending) return <Loading />;
  if (users.isError) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <PageHeader title={t('admin.users.editTitleUnknown')} />
        <ErrorAlert error={users.error}>
          <Button variant="secondary" onClick={() => void users.refetch()}>
            {t('common.retry')}
          </Button>
        </ErrorAlert>
      </>
    );
  }
  const user = users.data.items.find((u) => String(u.id) === userId);
  if (!user) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <PageHeader title={t('admin.users.editTitleUnknown')} />
        <EmptyState title={t('admin.users.notFound')} action={<Link to="/admin/users">{t('admin.users.backToList')}</Link>}>
          <p>{t('admin.users.notFoundBody')}</p>
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageHeader title={t('admin.users.editTitle', { username: user.username })} />
      <dl className="facts">
        <div>
          <dt>{t('admin.users.createdAt')}</dt>
          <dd>{formatDateTime(user.created_at, lang)}</dd>
        </div>
        <div>
          <dt>{t('admin.users.lastLogin')}</dt>
          <dd>{user.last_login_at ? formatDateTime(user.last_login_at, lang) : t('admin.users.never')}</dd>
        </div>
      </dl>
      <EditUserForm key={user.id} user={user} />
    </>
  );
}
