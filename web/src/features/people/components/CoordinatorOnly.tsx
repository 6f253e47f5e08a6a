// Merging is for coordinators and the admin; others learn why the page is closed to them.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/ui/EmptyState';
import { PageHeader } from '@/components/ui/PageHeader';
import { useMe } from '@/features/auth/api/get-me';

export function CoordinatorOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const role = useMe().data?.role;
  if (role === 'coordinator' || role === 'admin') return <>{children}</>;
  return (
    <>
      <PageHeader title={t('auth.forbiddenTitle')} />
      <EmptyState title={t('registryExtra.merge.forbidden')}>
        <p>{t('registryExtra.merge.forbiddenBody')}</p>
      </EmptyState>
    </>
  );
}
