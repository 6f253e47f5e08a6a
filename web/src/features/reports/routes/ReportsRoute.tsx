// Výkazy: the monitoring reports (newest first) and, for coordinators, a new draft for a period.
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/ui/EmptyState';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { useMe } from '@/features/auth/api/get-me';
import { formatDateTime, formatIsoDate } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';
import { useProject } from '../api/get-project';
import { useReports } from '../api/get-reports';
import { CreateReportForm } from '../components/CreateReportForm';
import { ReportsTabs } from '../components/ReportsTabs';

export function ReportsRoute() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const navigate = useNavigate();
  const me = useMe().data;
  const reports = useReports();
  const project = useProject();
  const manages = me?.role === 'coordinator' || me?.role === 'admin';
  return (
    <>
      <PageHeader title={t('places.reports.name')} lead={t('reports.lead')} />
      <ReportsTabs />
      {manages && !project.isPending ? (
        <CreateReportForm project={project.data} onCreated={(r) => navigate(`/reports/${r.id}`)} />
      ) : null}
      <h2>{t('reports.list.title')}</h2>
      {reports.isPending ? <Loading /> : null}
      {reports.isError ? <ErrorAlert error={reports.error} /> : null}
      {reports.data && reports.data.length === 0 ? <EmptyState title={t('reports.list.empty')} /> : null}
      {reports.data && reports.data.length > 0 ? (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('reports.list.period')}</th>
                <th scope="col">{t('reports.list.status')}</th>
                <th scope="col">{t('reports.list.created')}</th>
                <th scope="col">{t('reports.list.submitted')}</th>
              </tr>
            </thead>
            <tbody>
              {reports.data.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={`/reports/${r.id}`}>
                      {formatIsoDate(r.from, lang)} – {formatIsoDate(r.to, lang)}
                    </Link>
                  </td>
                  <td>
                    <span className="status-badge">{t(`reports.status.${r.status}`)}</span>
                  </td>
                  <td>
                    {formatDateTime(r.created_at, lang)} ({r.created_by})
                  </td>
                  <td>{r.submitted_at ? `${formatDateTime(r.submitted_at, lang)} (${r.submitted_by ?? ''})` : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
