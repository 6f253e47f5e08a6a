import { useTranslation } from 'react-i18next';
import { PageHeader } from '@/components/ui/PageHeader';
import { ActivityForm } from '../components/ActivityForm';

export function CreateActivityRoute() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('activities.create.title')} />
      <ActivityForm />
    </>
  );
}
