// Školy › Termíny zápisu: the zápis windows of every level and school year; coordinators edit them.
import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/ui/PageHeader';
import { useMe } from '@/features/auth/api/get-me';
import { SchoolsTabs } from '../components/SchoolsTabs';
import { ZapisWindowsSection } from '../components/ZapisWindowsSection';
import '../schools.css';

export function ZapisWindowsRoute() {
  const { t } = useTranslation();
  const role = useMe().data?.role;
  return (
    <>
      <PageHeader title={t('schools.zapis.title')} lead={t('schools.zapis.lead')} />
      <SchoolsTabs />
      <ZapisWindowsSection mayEdit={role === 'coordinator' || role === 'admin'} headingLevel={2} around={2} mayAdd />
    </>
  );
}
