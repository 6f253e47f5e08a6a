// Rodiny › <family> › Nový člen rodiny.
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { QueryError } from '@/components/ui/QueryError';
import { useFamily } from '@/features/families/api/get-family';
import { useIdParam } from '@/lib/use-id-param';
import { CreatePersonForm } from '../components/CreatePersonForm';
import type { PersonRouteState } from './PersonRoute';

export function NewPersonRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const familyId = useIdParam('familyId') ?? 0;
  const family = useFamily(familyId);
  const crumbs = [{ label: t('places.families.name'), to: '/families' }];
  if (family.isPending) return <Loading />;
  if (family.isError) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <PageHeader title={t('people.createTitle')} />
        <QueryError
          error={family.error}
          notFoundTitle={t('families.page.notFound')}
          notFoundBody={t('families.page.notFoundBody')}
          back={<Link to="/families">{t('families.page.backToList')}</Link>}
          onRetry={() => void family.refetch()}
        />
      </>
    );
  }
  return (
    <>
      <Breadcrumbs items={[...crumbs, { label: family.data.name, to: `/families/${familyId}` }]} />
      <PageHeader title={t('people.createTitle')} lead={t('people.createLead', { family: family.data.name })} />
      <CreatePersonForm
        familyId={familyId}
        onCreated={(person) => {
          const state: PersonRouteState = { created: true };
          navigate(`/people/${person.id}`, { state });
        }}
        onCancel={() => navigate(`/families/${familyId}`)}
      />
    </>
  );
}
