// A school's page: basic data, composition over school years (chart + table with the segregation status
// per year), openness to inclusion, the interaction log, incidents (slot for the incidents feature) and
// the zápis windows of its level.
import { Link, useLocation } from 'react-router';
import { Alert } from '@/components/ui/Alert';
import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { QueryError } from '@/components/ui/QueryError';
import { useMe } from '@/features/auth/api/get-me';
import { formatNumber } from '@/lib/format';
import { useIdParam } from '@/lib/use-id-param';
import { useLanguage } from '@/lib/use-language';
import { useSchool } from '../api/schools';
import { CompositionSection } from '../components/CompositionSection';
import { IncidentsSlot } from '../components/IncidentsSlot';
import { InteractionsSection } from '../components/InteractionsSection';
import { OpennessSection, StanceBadge } from '../components/OpennessSection';
import { SegregationBadge } from '../components/SegregationBadge';
import { ZapisWindowsSection } from '../components/ZapisWindowsSection';
import { zapisLevelOf, type SchoolDetail } from '../types';
import '../schools.css';

export function SchoolRoute() {
  const { t } = useTranslation();
  const id = useIdParam('schoolId') ?? 0;
  const school = useSchool(id);
  const crumbs = [{ label: t('places.schools.name'), to: '/schools' }];
  if (school.isPending) return <Loading />;
  if (school.isError) {
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
  }
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <SchoolPage school={school.data} />
    </>
  );
}

function SchoolPage({ school }: { school: SchoolDetail }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const role = useMe().data?.role;
  const manages = role === 'coordinator' || role === 'admin';
  const mayLog = manages || role === 'worker';
  const latestStance = school.openness[0]?.stance;
  const savedState = (useLocation().state as { schoolSaved?: 'created' | 'saved' } | null)?.schoolSaved;
  const none = t('schools.page.notRecorded');
  const sections = [
    ['composition-title', t('schools.composition.title')],
    ['openness-title', t('schools.openness.title')],
    ['interactions-title', t('schools.interactions.title')],
    ['incidents-title', t('schools.incidents.title')],
    ['zapis-title', t(`schools.zapis.titleLevel.${zapisLevelOf(school.type)}`)],
  ] as const;
  return (
    <>
      <PageHeader
        title={school.name}
        lead={
          <>
            {t(`schools.typeName.${school.type}`)}
            {school.district ? ` · ${school.district}` : null} · <SegregationBadge status={school.segregation_status} />
            {latestStance ? (
              <>
                {' '}
                <StanceBadge stance={latestStance} />
              </>
            ) : null}
          </>
        }
        actions={
          manages ? (
            <Link to={`/schools/${school.id}/edit`} className="btn btn--secondary">
              {t('schools.form.edit')}
            </Link>
          ) : null
        }
      />
      {savedState ? <Alert tone="success" title={t(`schools.form.${savedState}`)} /> : null}
      <nav className="school-toc" aria-label={t('schools.page.toc')}>
        <ul className="school-toc__list">
          {sections.map(([anchor, label]) => (
            <li key={anchor}>
              <a href={`#${anchor}`}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <section className="section" aria-labelledby="school-facts-title">
        <h2 id="school-facts-title">{t('schools.page.facts')}</h2>
        <dl className="facts">
          <div>
            <dt>IZO</dt>
            <dd>{school.izo}</dd>
          </div>
          <div>
            <dt>RED_IZO</dt>
            <dd>{school.red_izo ?? none}</dd>
          </div>
          <div>
            <dt>{t('schools.type')}</dt>
            <dd>{t(`schools.typeName.${school.type}`)}</dd>
          </div>
          <div>
            <dt>{t('schools.founder')}</dt>
            <dd>
              {school.founder.name ?? none}
              {school.founder.ico ? ` (${t('schools.page.ico', { ico: school.founder.ico })})` : null}
            </dd>
          </div>
          <div>
            <dt>{t('schools.address')}</dt>
            <dd>
              {school.address ?? none}
              {school.ruian_code !== null ? <span className="small muted"> · {t('schools.page.ruian', { code: school.ruian_code })}</span> : null}
            </dd>
          </div>
          <div>
            <dt>{t('schools.district')}</dt>
            <dd>{school.district ?? none}</dd>
          </div>
          <div>
            <dt>{t('schools.capacity')}</dt>
            <dd>{school.capacity === null ? none : t('schools.page.pupils', { count: school.capacity, n: formatNumber(school.capacity, lang) })}</dd>
          </div>
          <div>
            <dt>{t('schools.page.source')}</dt>
            <dd>{school.source === 'manual' ? t('schools.page.sourceManual') : school.source}</dd>
          </div>
        </dl>
      </section>
      <CompositionSection school={school} mayEdit={manages} />
      <OpennessSection schoolId={school.id} items={school.openness} mayEdit={manages} />
      <InteractionsSection schoolId={school.id} items={school.interactions} mayLog={mayLog} />
      {/* Incidents (issue 5) go here: see IncidentsSlot. */}
      <IncidentsSlot schoolId={school.id} />
      <ZapisWindowsSection level={zapisLevelOf(school.type)} mayEdit={manages} around={1} />
      <p>
        <Link to="/schools/zapis-windows">{t('schools.zapis.allLink')}</Link>
      </p>
    </>
  );
}
