// Školy › Termíny zápisu: the zápis windows of every level and school year; coordinators edit them.
import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { PageHeader } from '@/components/ui/PageHeader';
import { useMe } from '@/features/auth/api/get-me';
import { ZapisWindowsSection } from '../components/ZapisWindowsSection';
import '../schools.css';

export function ZapisWindowsRoute() {
  const { t } = useTranslation();
  const role = useMe().data?.role;
  return (
    <>
      <Breadcrumbs items={[{ label: t('places.schools.name'), to: '/schools' }]} />
      <PageHeader title={t('schools.zapis.title')} lead={t('schools.zapis.lead')} />
      <ZapisWindowsSection mayEdit={role === 'coordinator' || role === 'admin'} headingLevel={2} around={2} mayAdd />
    </>
  );
}
