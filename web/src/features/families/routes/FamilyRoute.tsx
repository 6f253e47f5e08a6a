// A family's page. It opens on the timeline (newest contact first, with "add contact note"), then the
// members with their consents and participation, then the family's own details.
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/Alert';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { QueryError } from '@/components/ui/QueryError';
import { formatDateTime } from '@/lib/format';
import { useIdParam } from '@/lib/use-id-param';
import { useLanguage } from '@/lib/use-language';
import { districtName, useDistricts } from '../api/get-districts';
import { useFamily } from '../api/get-family';
import { ContactForm } from '../components/ContactForm';
import { FamilyStatusBadge } from '../components/FamilyStatusBadge';
import { MembersList } from '../components/MembersList';
import { Timeline } from '../components/Timeline';
import type { Family } from '../types';
import { LegalHoldBadge } from '@/features/people/components/LegalHold';

export type FamilyRouteState = { saved?: boolean; created?: boolean };

export function FamilyRoute() {
  const { t } = useTranslation();
  const id = useIdParam('familyId') ?? 0;
  const family = useFamily(id);
  const crumbs = [{ label: t('places.families.name'), to: '/families' }];

  if (family.isPending) return <Loading />;
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
      <Breadcrumbs items={crumbs} />
      <FamilyPage family={family.data} />
    </>
  );
}

function FamilyPage({ family }: { family: Family }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const districts = useDistricts();
  const state = useLocation().state as FamilyRouteState | null;
  const district = districtName(districts.data, family.address.district);
  return (
    <>
      <PageHeader
        title={t('families.page.title', { name: family.name })}
        lead={
          <>
            <FamilyStatusBadge status={family.status} /> {district}
            {' · '}
            {family.keyworker ? t('families.page.keyworkerIs', { name: family.keyworker.username }) : t('families.noKeyworker')}
            {family.legal_hold ? (
              <>
                {' · '}
                <LegalHoldBadge held={family.legal_hold} />
              </>
            ) : null}
          </>
        }
        actions={
          <Link to={`/families/${family.id}/edit`} className="btn btn--secondary">
            {t('families.page.edit')}
          </Link>
        }
      />
      {state?.saved ? <Alert tone="success" title={t('families.page.saved')} /> : null}
      {state?.created ? <Alert tone="success" title={t('families.page.created')} /> : null}

      <section className="section" aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('families.timeline.title')}</h2>
        <ContactForm familyId={family.id} members={family.members} />
        <Timeline familyId={family.id} members={family.members} />
      </section>

      <section className="section" aria-labelledby="members-title">
        <div className="section__header">
          <h2 id="members-title">{t('families.members.title', { count: family.members.length })}</h2>
          <Link to={`/families/${family.id}/people/new`} className="btn btn--secondary">
            {t('families.members.add')}
          </Link>
        </div>
        <MembersList members={family.members} />
      </section>

      <section className="section" aria-labelledby="details-title">
        <h2 id="details-title">{t('families.page.details')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('families.address')}</dt>
            <dd>
              {[`${family.address.street} ${family.address.house_number}`.trim(), `${family.address.postal_code} ${district}`.trim()]
                .filter(Boolean)
                .join(', ')}
            </dd>
          </div>
          <div>
            <dt>{t('families.team')}</dt>
            <dd>{family.team}</dd>
          </div>
          <div>
            <dt>{t('families.statusLabel')}</dt>
            <dd>
              <FamilyStatusBadge status={family.status} />
              {family.status === 'closed' && family.closed_reason ? ` ${t('families.page.closedBecause', { reason: family.closed_reason })}` : null}
            </dd>
          </div>
          <div>
            <dt>{t('families.page.updatedAt')}</dt>
            <dd>{formatDateTime(family.updated_at, lang)}</dd>
          </div>
        </dl>
      </section>
    </>
  );
}
