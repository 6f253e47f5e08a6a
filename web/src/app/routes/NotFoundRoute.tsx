// An address inside the app that leads nowhere.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/ui/EmptyState';
import { PageHeader } from '@/components/ui/PageHeader';
import { HOME_PATH } from '../places';

export function NotFoundRoute() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <EmptyState title={t('notFound.heading')} action={<Link to={HOME_PATH}>{t('notFound.home')}</Link>}>
        <p>{t('notFound.body')}</p>
      </EmptyState>
    </>
  );
}
