// Výkazy › Shrnutí dopadu: the printable page and the PDF for any period (public output: small
// cells are always hidden).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '@/components/ui/Field';
import { PageHeader } from '@/components/ui/PageHeader';
import { buildUrl } from '@/lib/api-client';
import { useProject } from '../api/get-project';
import { ReportsTabs } from '../components/ReportsTabs';

export function ImpactRoute() {
  const { t } = useTranslation();
  const project = useProject();
  const [period, setPeriod] = useState<{ from: string; to: string } | null>(null);
  const from = period?.from ?? project.data?.period_from ?? '';
  const to = period?.to ?? project.data?.period_to ?? '';
  return (
    <>
      <PageHeader title={t('reports.impact.title')} lead={t('reports.impact.lead')} />
      <ReportsTabs />
      <div className="report-form">
        <Field label={t('reports.form.from')}>
          {(c) => <input type="date" {...c} value={from} onChange={(e) => setPeriod({ from: e.target.value, to })} />}
        </Field>
        <Field label={t('reports.form.to')}>
          {(c) => <input type="date" {...c} value={to} onChange={(e) => setPeriod({ from, to: e.target.value })} />}
        </Field>
      </div>
      {/* The links wait for the project's period: a link without one would fetch the wrong summary. */}
      {from && to ? (
      <div className="report-downloads">
        <a className="btn btn--primary" href={buildUrl('/impact-summary.html', { from, to })} target="_blank" rel="noopener">
          {t('reports.impact.page')}
        </a>
        <a className="btn btn--secondary" href={buildUrl('/impact-summary.pdf', { from, to })} download>
          {t('reports.impact.pdf')}
        </a>
      </div>
      ) : null}
      <p>{t('reports.impact.contents')}</p>
    </>
  );
}
