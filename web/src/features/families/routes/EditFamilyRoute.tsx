// Rodiny › <family> › Upravit: status, closed reason, keyworker, team, address.
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { QueryError } from '@/components/ui/QueryError';
import { useIdParam } from '@/lib/use-id-param';
import { useDistricts } from '../api/get-districts';
import { useFamily } from '../api/get-family';
import { useTeams } from '../api/get-teams';
import { EditFamilyForm } from '../components/EditFamilyForm';
import type { FamilyRouteState } from './FamilyRoute';
import { useMe } from '@/features/auth/api/get-me';
import { LegalHoldPanel } from '@/features/people/components/LegalHold';

export function EditFamilyRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useIdParam('familyId') ?? 0;
  const family = useFamily(id);
  const districts = useDistricts();
  const teams = useTeams();
  const me = useMe().data;
  const mayHold = me?.role === 'coordinator' || me?.role === 'admin';
  const crumbs = [{ label: t('places.families.name'), to: '/families' }];

  if (family.isPending || districts.isPending || teams.isPending) return <Loading />;
  if (family.isError) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <PageHeader title={t('families.page.unknownTitle')} />
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
      <Breadcrumbs items={[...crumbs, { label: family.data.name, to: `/families/${id}` }]} />
      <PageHeader title={t('families.form.editTitle', { name: family.data.name })} />
      <EditFamilyForm
        key={family.data.id}
        family={family.data}
        districts={districts.data ?? []}
        teams={(teams.data ?? []).map((team) => team.name)}
        onSaved={(saved) => {
          const state: FamilyRouteState = { saved: true };
          navigate(`/families/${saved.id}`, { state });
        }}
      />
      {mayHold ? (
        <section className="panel" aria-label={t('registryExtra.legalHold.title')}>
          <LegalHoldPanel
            target={{ kind: 'family', id: family.data.id }}
            version={family.data.version}
            held={family.data.legal_hold}
            headingLevel={2}
          />
        </section>
      ) : null}
    </>
  );
}
