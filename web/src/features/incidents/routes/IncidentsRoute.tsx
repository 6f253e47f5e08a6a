// Incidenty: the team's incidents of discrimination and barriers (newest first, filters in the
// address) and the anonymous statistics by school and type. Analysts see the statistics only.
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/ui/EmptyState';
import { EnumOptions } from '@/components/ui/EnumOptions';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { Pagination } from '@/components/ui/Pagination';
import { useMe } from '@/features/auth/api/get-me';
import { SchoolsTabs } from '@/features/schools/components/SchoolsTabs';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';
import { useIncidentStats, useIncidents } from '../api/incidents';
import { incidentStatuses, incidentTypes, placeOf, type IncidentStats } from '../types';

const PAGE_SIZE = 50;

export function IncidentsRoute() {
  const { t } = useTranslation();
  const me = useMe().data;
  const analyst = me?.role === 'analyst';
  return (
    <>
      <PageHeader
        title={t('incidents.title')}
        lead={t('incidents.lead')}
        actions={
          analyst ? null : (
            <Link to="/incidents/new" className="btn btn--primary">
              {t('incidents.new')}
            </Link>
          )
        }
      />
      <SchoolsTabs />
      {analyst ? null : <IncidentList />}
      <StatsSection />
    </>
  );
}

function IncidentList() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [params, setParams] = useSearchParams();
  const type = params.get('type') ?? '';
  const status = params.get('status') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const list = useIncidents({ type, status, page });
  const set = (key: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next);
  };
  return (
    <section aria-labelledby="incident-list-title">
      <h2 id="incident-list-title" className="visually-hidden">
        {t('incidents.listTitle')}
      </h2>
      <div className="filters form__row">
        <label className="field">
          <span className="field__label">{t('incidents.field.type')}</span>
          <select className="input" value={type} onChange={(e) => set('type', e.target.value)}>
            <option value="">{t('incidents.filter.allTypes')}</option>
            <EnumOptions values={incidentTypes} prefix="incidents.type" />
          </select>
        </label>
        <label className="field">
          <span className="field__label">{t('incidents.field.status')}</span>
          <select className="input" value={status} onChange={(e) => set('status', e.target.value)}>
            <option value="">{t('incidents.filter.allStatuses')}</option>
            <EnumOptions values={incidentStatuses} prefix="incidents.status" />
          </select>
        </label>
      </div>
      {list.isPending ? <Loading /> : null}
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      {list.data && list.data.items.length === 0 ? <EmptyState title={t('incidents.empty')} /> : null}
      {list.data && list.data.items.length > 0 ? (
        <>
          <ul className="card-list">
            {list.data.items.map((i) => (
              <li key={i.id} className="card">
                <Link to={`/incidents/${i.id}`} className="card__title">
                  {t(`incidents.type.${i.type}`)}
                </Link>
                <p>
                  {formatDate(i.occurred_on, lang)} · {placeOf(i)} · {t(`incidents.status.${i.status}`)}
                </p>
                <p className="muted">
                  {t('incidents.counts', { evidence: i.evidence_count, actions: i.open_actions })}
                  {i.next_deadline ? ` · ${t('incidents.nextDeadline', { date: formatDate(i.next_deadline, lang) })}` : null}
                </p>
              </li>
            ))}
          </ul>
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            total={list.data.total}
            onPageChange={(p) => set('page', String(p))}
            label={t('incidents.pagination')}
          />
        </>
      ) : null}
    </section>
  );
}

function StatsSection() {
  const { t } = useTranslation();
  const stats = useIncidentStats();
  return (
    <section className="panel" aria-labelledby="incident-stats-title">
      <h2 id="incident-stats-title">{t('incidents.stats.title')}</h2>
      {stats.isPending ? <Loading /> : null}
      {stats.isError ? <ErrorAlert error={stats.error} /> : null}
      {stats.data ? <StatsTable stats={stats.data} /> : null}
    </section>
  );
}

export function StatsTable({ stats }: { stats: IncidentStats }) {
  const { t } = useTranslation();
  const cell = (n: number | null) => (n === null ? t('incidents.stats.suppressed', { n: stats.suppression_threshold }) : String(n));
  return (
    <>
      <p>{t('incidents.stats.total', { total: stats.total === null ? cell(null) : stats.total })}</p>
      {stats.suppressed ? <p className="muted">{t('incidents.stats.suppressedNote', { n: stats.suppression_threshold })}</p> : null}
      <div className="table-scroll">
        <table className="table table--compact">
          <caption className="visually-hidden">{t('incidents.stats.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('incidents.stats.where')}</th>
              <th scope="col">{t('incidents.field.type')}</th>
              <th scope="col">{t('incidents.stats.count')}</th>
            </tr>
          </thead>
          <tbody>
            {stats.rows.map((r, i) => (
              <tr key={`${r.school?.id ?? 'other'}-${r.type}-${i}`}>
                <td>{r.school?.name ?? t('incidents.stats.otherInstitution')}</td>
                <td>{t(`incidents.type.${r.type}`, { defaultValue: r.type })}</td>
                <td>{cell(r.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
