// Rodiny › Nová rodina.
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { useMe } from '@/features/auth/api/get-me';
import { useDistricts } from '../api/get-districts';
import { useTeams } from '../api/get-teams';
import { CreateFamilyForm } from '../components/CreateFamilyForm';
import type { FamilyRouteState } from './FamilyRoute';

export function CreateFamilyRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe().data;
  const districts = useDistricts();
  const teams = useTeams();
  const ready = me && !districts.isPending && !teams.isPending;
  return (
    <>
      <Breadcrumbs items={[{ label: t('places.families.name'), to: '/families' }]} />
      <PageHeader title={t('families.form.createTitle')} lead={t('families.form.createLead')} />
      {districts.isError ? <ErrorAlert error={districts.error} title={t('families.form.districtsFailed')} /> : null}
      {!ready ? (
        <Loading />
      ) : (
        <CreateFamilyForm
          me={me}
          districts={districts.data ?? []}
          teams={(teams.data ?? []).map((team) => team.name)}
          onCreated={(family) => {
            const state: FamilyRouteState = { created: true };
            navigate(`/families/${family.id}`, { state });
          }}
          onCancel={() => navigate('/families')}
        />
      )}
    </>
  );
}
