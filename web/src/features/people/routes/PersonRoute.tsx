// A person's page: who they are, their relationships, consents, participation, the special-category
// section when permitted, and — for coordinators — export and anonymisation.
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/Alert';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { QueryError } from '@/components/ui/QueryError';
import { useMe } from '@/features/auth/api/get-me';
import { useFamily } from '@/features/families/api/get-family';
import { DocumentsSection } from '@/features/documents/components/DocumentsSection'; // documents (issue 5)
import { PersonEnrollmentSection } from '@/features/enrollment/components/PersonEnrollmentSection'; // enrollment (issue 5)
import { useIdParam } from '@/lib/use-id-param';
import { usePerson } from '../api/get-person';
import { GdprSection } from '../components/GdprSection';
import { LegalHoldBadge } from '../components/LegalHold';
import { PersonLine } from '../components/PersonFacts';
import { PersonPanels } from '../components/PersonPanels';
import { personName, type Person } from '../types';

export type PersonRouteState = { created?: boolean; saved?: boolean };

export function PersonRoute() {
  const { t } = useTranslation();
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
  return <PersonPage person={person.data} />;
}

function PersonPage({ person }: { person: Person }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const family = useFamily(person.family_id);
  const state = useLocation().state as PersonRouteState | null;
  const members = family.data?.members ?? [];
  const familyCrumb = family.data ? [{ label: family.data.name, to: `/families/${person.family_id}` }] : [];
  const mayManage = me?.role === 'coordinator' || me?.role === 'admin';
  return (
    <>
      <Breadcrumbs items={[{ label: t('places.families.name'), to: '/families' }, ...familyCrumb]} />
      <PageHeader
        title={personName(person)}
        lead={
          <>
            <PersonLine person={person} />
            {person.legal_hold ? (
              <>
                {' '}
                <LegalHoldBadge held={person.legal_hold} />
              </>
            ) : null}
          </>
        }
        actions={
          <Link to={`/people/${person.id}/edit`} className="btn btn--secondary">
            {t('people.edit')}
          </Link>
        }
      />
      {state?.created ? <Alert tone="success" title={t('people.created')} /> : null}
      {state?.saved ? <Alert tone="success" title={t('people.saved')} /> : null}
      <dl className="facts">
        <div>
          <dt>{t('people.rodneCislo')}</dt>
          <dd>{person.rodne_cislo ?? t('people.notRecorded')}</dd>
        </div>
        <div>
          <dt>{t('people.nationality')}</dt>
          <dd>{person.nationality ?? t('people.notRecorded')}</dd>
        </div>
        <div>
          <dt>{t('people.phones')}</dt>
          <dd>{person.contact.phones.length > 0 ? person.contact.phones.join(', ') : t('people.notRecorded')}</dd>
        </div>
        <div>
          <dt>{t('people.preferredLanguage')}</dt>
          <dd>
            {t(`people.language.${person.contact.preferred_language}`)}
            {person.contact.interpreter_needed ? `, ${t('people.interpreterNeededShort')}` : null}
          </dd>
        </div>
        {person.role === 'adult' ? (
          <>
            <div>
              <dt>{t('people.education')}</dt>
              <dd>{person.education_isced === null ? t('people.notRecorded') : t(`people.isced.${person.education_isced}`)}</dd>
            </div>
            <div>
              <dt>{t('people.labourStatusLabel')}</dt>
              <dd>{person.labour_status ? t(`people.labourStatus.${person.labour_status}`) : t('people.notRecorded')}</dd>
            </div>
          </>
        ) : null}
      </dl>
      <PersonPanels person={person} members={members} />
      {/* enrollment (issue 5): the child's cases and opening a new one */}
      {person.role === 'child' && me?.role !== 'analyst' ? <PersonEnrollmentSection personId={person.id} /> : null}
      {/* documents (issue 5): letters for parents */}
      <DocumentsSection person={person} members={members} />
      {mayManage ? <GdprSection person={person} showAudit={me?.role === 'admin'} /> : null}
    </>
  );
}
