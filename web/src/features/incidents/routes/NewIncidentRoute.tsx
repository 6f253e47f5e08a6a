// A new incident; opened from a person's page it names that person (?person_id=).
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { useQuery } from '@tanstack/react-query';
import { personQueryOptions } from '@/features/people/api/get-person';
import { personName } from '@/features/people/types';
import { IncidentForm } from '../components/IncidentForm';

export function NewIncidentRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const personId = Number(useSearchParams()[0].get('person_id')) || 0;
  const person = useQuery({ ...personQueryOptions(personId), enabled: personId > 0 });
  const waiting = personId > 0 && person.isPending;
  const people = personId > 0 && person.data ? [{ id: person.data.id, name: personName(person.data) }] : [];
  return (
    <>
      <Breadcrumbs items={[{ label: t('incidents.title'), to: '/incidents' }]} />
      <PageHeader title={t('incidents.form.title')} lead={t('incidents.form.lead')} />
      {waiting ? (
        <Loading />
      ) : (
        <IncidentForm people={people} onCreated={(incident) => void navigate(`/incidents/${incident.id}`)} />
      )}
      <p>
        <Link to="/incidents">{t('incidents.backToList')}</Link>
      </p>
    </>
  );
}
