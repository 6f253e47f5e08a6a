// Správa › Uživatelé › Nový uživatel.
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { PageHeader } from '@/components/ui/PageHeader';
import { CreateUserForm } from '../components/CreateUserForm';
import type { UsersRouteState } from './UsersRoute';

export function CreateUserRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('places.admin.name'), to: '/admin' },
          { label: t('admin.users.title'), to: '/admin/users' },
        ]}
      />
      <PageHeader title={t('admin.users.createTitle')} lead={t('admin.users.createLead')} />
      <CreateUserForm
        onCreated={(user) => {
          const state: UsersRouteState = { created: user.username };
          void navigate('/admin/users', { state });
        }}
        onCancel={() => void navigate('/admin/users')}
      />
    </>
  );
}
