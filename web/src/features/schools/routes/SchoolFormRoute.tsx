// Školy › Nová škola and Školy › <school> › Upravit (coordinators and admins).
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/Alert';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { QueryError } from '@/components/ui/QueryError';
import { useMe } from '@/features/auth/api/get-me';
import { useIdParam } from '@/lib/use-id-param';
import { useSchool } from '../api/schools';
import { SchoolForm } from '../components/SchoolForm';
import '../schools.css';

function useManages() {
  const role = useMe().data?.role;
  return role === 'coordinator' || role === 'admin';
}

export function NewSchoolRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const manages = useManages();
  return (
    <>
      <Breadcrumbs items={[{ label: t('places.schools.name'), to: '/schools' }]} />
      <PageHeader title={t('schools.form.newTitle')} lead={t('schools.form.newLead')} />
      {manages ? (
        <SchoolForm onSaved={(s) => void navigate(`/schools/${s.id}`, { state: { schoolSaved: 'created' } })} />
      ) : (
        <Alert tone="info" title={t('schools.form.coordinatorsOnly')} />
      )}
    </>
  );
}

export function EditSchoolRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const manages = useManages();
  const id = useIdParam('schoolId') ?? 0;
  const school = useSchool(id);
  const crumbs = [{ label: t('places.schools.name'), to: '/schools' }];
  if (school.isPending) return <Loading />;
  if (school.isError)
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <PageHeader title={t('schools.page.unknownTitle')} />
        <QueryError
          error={school.error}
          notFoundTitle={t('schools.page.notFound')}
          notFoundBody={t('schools.page.notFoundBody')}
          back={<Link to="/schools">{t('schools.page.backToList')}</Link>}
          onRetry={() => void school.refetch()}
        />
      </>
    );
  return (
    <>
      <Breadcrumbs items={[...crumbs, { label: school.data.name, to: `/schools/${id}` }]} />
      <PageHeader title={t('schools.form.editTitleName', { name: school.data.name })} />
      {manages ? (
        <SchoolForm
          key={school.data.id}
          school={school.data}
          onSaved={(s) => void navigate(`/schools/${s.id}`, { state: { schoolSaved: 'saved' } })}
        />
      ) : (
        <Alert tone="info" title={t('schools.form.coordinatorsOnly')} />
      )}
    </>
  );
}
