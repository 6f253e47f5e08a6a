// Rodiny › <family> › <person> › Upravit.
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { QueryError } from '@/components/ui/QueryError';
import { useIdParam } from '@/lib/use-id-param';
import { usePerson } from '../api/get-person';
import { EditPersonForm } from '../components/EditPersonForm';
import { personName } from '../types';
import type { PersonRouteState } from './PersonRoute';

export function EditPersonRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useIdParam('personId') ?? 0;
  const person = usePerson(id);
  const crumbs = [{ label: t('places.families.name'), to: '/families' }];
  if (person.isPending) return <Loading />;
  if (person.isError) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <PageHeader title={t('people.unknownTitle')} />
        <QueryError
          error={person.error}
          notFoundTitle={t('people.notFound')}
          notFoundBody={t('people.notFoundBody')}
          back={<Link to="/families">{t('families.page.backToList')}</Link>}
          onRetry={() => void person.refetch()}
        />
      </>
    );
  }
  const name = personName(person.data);
  return (
    <>
      <Breadcrumbs items={[...crumbs, { label: name, to: `/people/${id}` }]} />
      <PageHeader title={t('people.editTitle', { name })} />
      <EditPersonForm
        key={person.data.id}
        person={person.data}
        onSaved={(saved) => {
          const state: PersonRouteState = { saved: true };
          navigate(`/people/${saved.id}`, { state });
        }}
        onCancel={() => navigate(`/people/${id}`)}
      />
    </>
  );
}
