// One incident: what happened and where, who was affected, open/closed (a stale edit says so and
// shows the stored state), evidence files and actions with deadlines and outcomes.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/Alert';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { Button } from '@/components/ui/Button';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { QueryError } from '@/components/ui/QueryError';
import { isApiError } from '@/lib/api-error';
import { formatDate } from '@/lib/format';
import { useIdParam } from '@/lib/use-id-param';
import { useLanguage } from '@/lib/use-language';
import { useIncident, useUpdateIncident } from '../api/incidents';
import { ActionsPanel } from '../components/ActionsPanel';
import { EvidencePanel } from '../components/EvidencePanel';
import { placeOf, type Incident } from '../types';

export function IncidentRoute() {
  const { t } = useTranslation();
  const id = useIdParam('incidentId') ?? 0;
  const incident = useIncident(id);
  const crumbs = [{ label: t('incidents.title'), to: '/incidents' }];
  if (incident.isPending) return <Loading />;
  if (incident.isError)
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <QueryError
          error={incident.error}
          notFoundTitle={t('incidents.notFound')}
          notFoundBody={t('incidents.notFoundBody')}
          back={<Link to="/incidents">{t('incidents.backToList')}</Link>}
          onRetry={() => void incident.refetch()}
        />
      </>
    );
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <IncidentPage incident={incident.data} />
    </>
  );
}

function IncidentPage({ incident }: { incident: Incident }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const update = useUpdateIncident(incident.id);
  const conflict = isApiError(update.error) && update.error.code === 'conflict';
  const next = incident.status === 'open' ? 'closed' : 'open';
  return (
    <>
      <PageHeader
        title={t(`incidents.type.${incident.type}`)}
        lead={`${formatDate(incident.occurred_on, lang)} · ${placeOf(incident)}`}
        actions={
          <Button variant="secondary" busy={update.isPending} onClick={() => update.mutate({ version: incident.version, status: next })}>
            {t(next === 'closed' ? 'incidents.close' : 'incidents.reopen')}
          </Button>
        }
      />
      {conflict ? (
        <Alert tone="warning" title={t('incidents.conflict')}>
          <p>{t('incidents.conflictBody')}</p>
        </Alert>
      ) : null}
      {update.error && !conflict ? <ErrorAlert error={update.error} /> : null}
      <dl className="facts">
        <div>
          <dt>{t('incidents.field.status')}</dt>
          <dd>{t(`incidents.status.${incident.status}`)}</dd>
        </div>
        <div>
          <dt>{t('incidents.field.team')}</dt>
          <dd>{incident.team}</dd>
        </div>
        <div>
          <dt>{t('incidents.field.people')}</dt>
          <dd>
            {incident.people.length === 0
              ? '—'
              : incident.people.map((p, i) => (
                  <span key={p.id}>
                    {i > 0 ? ', ' : null}
                    <Link to={`/people/${p.id}`}>{p.name}</Link>
                  </span>
                ))}
          </dd>
        </div>
        <div>
          <dt>{t('incidents.field.recordedBy')}</dt>
          <dd>{incident.created_by}</dd>
        </div>
      </dl>
      <section className="panel" aria-labelledby="incident-description">
        <h2 id="incident-description">{t('incidents.field.description')}</h2>
        <p className="pre-line">{incident.description}</p>
      </section>
      <EvidencePanel incident={incident} />
      <ActionsPanel incident={incident} />
    </>
  );
}
