// Account › change password.
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/ui/PageHeader';
import { ChangePasswordForm } from '../components/ChangePasswordForm';

export function ChangePasswordRoute() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('account.changePasswordTitle')} lead={t('account.changePasswordLead')} />
      <ChangePasswordForm />
    </>
  );
}
