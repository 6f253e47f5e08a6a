// Shows a page only to the roles that may use it; others learn why they cannot.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/ui/EmptyState';
import { PageHeader } from '@/components/ui/PageHeader';
import type { Role } from '@/types/user';
import { useMe } from '../api/get-me';

export function RequireRole({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { t } = useTranslation();
  const me = useMe();
  if (me.data && roles.includes(me.data.role)) return <>{children}</>;
  return (
    <>
      <PageHeader title={t('auth.forbiddenTitle')} />
      <EmptyState title={t('auth.forbiddenHeading')}>
        <p>{t('auth.forbiddenBody')}</p>
      </EmptyState>
    </>
  );
}
