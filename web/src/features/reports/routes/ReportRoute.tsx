// One report: targets against actuals per section, drill-down, downloads, submit (with a confirmation)
// and, once submitted, the frozen values beside today's.
import { useState } from 'react';
import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/Alert';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { Button } from '@/components/ui/Button';
import { ConfirmPanel } from '@/components/ui/ConfirmPanel';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { QueryError } from '@/components/ui/QueryError';
import { useMe } from '@/features/auth/api/get-me';
import { formatDateTime, formatIsoDate } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';
import { reportFileUrl, useReport } from '../api/get-report';
import { useSubmitReport } from '../api/submit-report';
import { DrillDown } from '../components/DrillDown';
import { IndicatorTable } from '../components/IndicatorTable';
import { ReportsTabs } from '../components/ReportsTabs';

export function ReportRoute() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const id = Number(useParams().reportId);
  const [compare, setCompare] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [drill, setDrill] = useState<string | null>(null);
  const me = useMe().data;
  const report = useReport(id, compare);
  const submit = useSubmitReport();
  const manages = me?.role === 'coordinator' || me?.role === 'admin';
  const seesRecords = me != null && me.role !== 'analyst';
  const crumbs = <Breadcrumbs items={[{ label: t('places.reports.name'), to: '/reports' }]} />;
  if (report.isPending) return <Loading />;
  if (report.isError)
    return (
      <>
        {crumbs}
        <QueryError
          error={report.error}
          notFoundTitle={t('reports.notFound')}
          notFoundBody={t('reports.notFoundBody')}
          back={null}
          onRetry={() => void report.refetch()}
        />
      </>
    );
  const r = report.data;
  const title = t('reports.detail.title', { from: formatIsoDate(r.from, lang), to: formatIsoDate(r.to, lang) });
  return (
    <>
      {crumbs}
      <PageHeader title={title} lead={t(`reports.status.${r.status}`)} />
      <ReportsTabs />
      <dl className="report-meta">
        <dt>{t('reports.detail.computed')}</dt>
        <dd>{formatDateTime(r.computed_at, lang)}</dd>
        {r.sha256 ? (
          <>
            <dt>SHA-256</dt>
            <dd>
              <code>{r.sha256}</code> {r.sha256_valid ? '' : t('reports.detail.shaInvalid')}
            </dd>
          </>
        ) : null}
      </dl>
      {r.suppressed ? <Alert tone="info">{t('reports.detail.suppressedNote')}</Alert> : null}
      <div className="report-downloads">
        <a className="btn btn--secondary" href={reportFileUrl(id, 'xlsx')} download>
          {t('reports.download.xlsx')}
        </a>
        <a className="btn btn--secondary" href={reportFileUrl(id, 'csv')} download>
          {t('reports.download.csv')}
        </a>
        {manages ? (
          <a className="btn btn--secondary" href={reportFileUrl(id, 'participants')} download>
            {t('reports.download.participants')}
          </a>
        ) : null}
      </div>
      {r.status === 'draft' && manages ? (
        confirming ? (
          <ConfirmPanel
            title={t('reports.submit.confirmTitle')}
            confirmLabel={t('reports.submit.confirm')}
            cancelLabel={t('common.cancel', { defaultValue: 'Zrušit' })}
            busy={submit.isPending}
            onConfirm={() => submit.mutate({ id, version: r.version }, { onSuccess: () => setConfirming(false) })}
            onCancel={() => setConfirming(false)}
          >
            <p>{t('reports.submit.consequence')}</p>
          </ConfirmPanel>
        ) : (
          <Button onClick={() => setConfirming(true)}>{t('reports.submit.button')}</Button>
        )
      ) : null}
      {submit.isError ? <ErrorAlert error={submit.error} /> : null}
      {r.status === 'submitted' ? (
        <label className="checkbox">
          <input type="checkbox" checked={compare} onChange={(e) => setCompare(e.target.checked)} /> {t('reports.detail.compare')}
        </label>
      ) : null}
      {drill ? <DrillDown reportId={id} code={drill} onClose={() => setDrill(null)} /> : null}
      <IndicatorTable
        caption={t('reports.sections.esf')}
        indicators={r.indicators.filter((i) => i.section === 'esf')}
        comparison={compare ? r.compared_to_now : undefined}
        onDrillDown={seesRecords ? setDrill : undefined}
      />
      <IndicatorTable
        caption={t('reports.sections.programme')}
        indicators={r.indicators.filter((i) => i.section === 'programme')}
        comparison={compare ? r.compared_to_now : undefined}
        onDrillDown={seesRecords ? setDrill : undefined}
      />
    </>
  );
}
