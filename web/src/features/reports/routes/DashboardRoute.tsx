// Výkazy › Přehled: progress to targets, the enrollment funnel, attendance over time, competence
// progress and incidents by type. Every chart has its table; a section whose data is not recorded
// yet says so instead of drawing zeros.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/Alert';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Field } from '@/components/ui/Field';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { BarChart, type BarRow } from '@/features/analytics/components/charts/BarChart';
import { ChartFigure } from '@/features/analytics/components/charts/ChartFigure';
import { LineChart } from '@/features/analytics/components/charts/LineChart';
import '@/features/analytics/analytics.css';
import { isApiError } from '@/lib/api-error';
import { formatDateTime, formatNumber } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';
import { useDashboard } from '../api/get-dashboard';
import { useProject } from '../api/get-project';
import type { BreakdownSection } from '../api/schemas';
import { breakdownLabel, indicatorName, valueText } from '../components/format';
import { ReportsTabs } from '../components/ReportsTabs';

function Unavailable({ reason }: { reason: string }) {
  const { t } = useTranslation();
  return (
    <Alert tone="info" title={t('reports.dashboard.unavailable')}>
      <p>{reason}</p>
    </Alert>
  );
}

function RowsTable({ rows, head }: { rows: BarRow[]; head: [string, string] }) {
  return (
    <table className="table">
      <thead>
        <tr>
          <th scope="col">{head[0]}</th>
          <th scope="col" className="num">
            {head[1]}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{r.label}</th>
            <td className="num">{r.valueText}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function BreakdownFigure({ title, section, head }: { title: string; section: BreakdownSection; head: [string, string] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (section.status !== 'ok')
    return (
      <section>
        <h3>{title}</h3>
        <Unavailable reason={section.reason} />
      </section>
    );
  const rows: BarRow[] = section.items.map((c) => ({
    key: c.key,
    label: breakdownLabel(c.key, t),
    value: c.value ?? 0,
    valueText: valueText(c.value, c.suppressed, lang, t),
  }));
  return (
    <ChartFigure
      title={title}
      chart={<BarChart rows={rows} label={title} formatTick={(v) => formatNumber(v, lang)} />}
      table={<RowsTable rows={rows} head={head} />}
    />
  );
}

export function DashboardRoute() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const project = useProject();
  const [period, setPeriod] = useState<{ from: string; to: string } | null>(null);
  const from = period?.from ?? project.data?.period_from ?? '';
  const to = period?.to ?? project.data?.period_to ?? '';
  const dashboard = useDashboard(from, to);
  const d = from && to ? dashboard.data : undefined;
  // The server names the wrong date (e.g. an end before the start): shown at its field.
  const fieldError = (name: 'from' | 'to') =>
    isApiError(dashboard.error) ? dashboard.error.fields.find((f) => f.field === name)?.message : undefined;
  return (
    <>
      <PageHeader title={t('reports.dashboard.title')} lead={t('reports.dashboard.lead')} />
      <ReportsTabs />
      <div className="report-form">
        <Field label={t('reports.form.from')} error={fieldError('from')}>
          {(c) => <input type="date" {...c} value={from} onChange={(e) => setPeriod({ from: e.target.value, to })} />}
        </Field>
        <Field label={t('reports.form.to')} error={fieldError('to')}>
          {(c) => <input type="date" {...c} value={to} onChange={(e) => setPeriod({ from, to: e.target.value })} />}
        </Field>
      </div>
      {d?.as_of ? (
        <p className="muted" data-testid="dashboard-as-of">
          {t('reports.dashboard.asOf', { time: formatDateTime(d.as_of, lang) })}
        </p>
      ) : null}
      {dashboard.isError ? <ErrorAlert error={dashboard.error} /> : null}
      {!d && !dashboard.isError ? <Loading /> : null}
      {d ? (
        <div className="dashboard-grid">
          {(() => {
            const rows: BarRow[] = d.progress.map((p) => ({
              key: p.code,
              label: indicatorName(p, lang),
              value: p.progress_percent ?? 0,
              valueText:
                p.status !== 'ok'
                  ? t('reports.unavailableShort')
                  : `${valueText(p.value, p.suppressed, lang, t)} / ${valueText(p.target, false, lang, t)}`,
            }));
            return (
              <ChartFigure
                title={t('reports.dashboard.progress')}
                description={t('reports.dashboard.progressHelp')}
                chart={<BarChart rows={rows} label={t('reports.dashboard.progress')} formatTick={(v) => `${formatNumber(v, lang)} %`} />}
                table={<RowsTable rows={rows} head={[t('reports.table.indicator'), t('reports.dashboard.actualOfTarget')]} />}
              />
            );
          })()}
          {d.funnel.status === 'ok' ? (
            (() => {
              const rows: BarRow[] = d.funnel.steps.map((s) => ({
                key: s.code,
                label: indicatorName(s, lang),
                value: s.value ?? 0,
                valueText: valueText(s.value, s.suppressed, lang, t),
              }));
              return (
                <ChartFigure
                  title={t('reports.dashboard.funnel')}
                  chart={<BarChart rows={rows} label={t('reports.dashboard.funnel')} formatTick={(v) => formatNumber(v, lang)} />}
                  table={<RowsTable rows={rows} head={[t('reports.dashboard.step'), t('reports.dashboard.children')]} />}
                />
              );
            })()
          ) : (
            <section>
              <h3>{t('reports.dashboard.funnel')}</h3>
              <Unavailable reason={d.funnel.reason} />
            </section>
          )}
          {d.attendance.status === 'ok' ? (
            <ChartFigure
              title={t('reports.dashboard.attendance')}
              chart={
                <LineChart
                  categories={d.attendance.months.map((m) => m.month)}
                  series={[
                    { key: 'sessions', label: t('reports.dashboard.sessions'), values: d.attendance.months.map((m) => m.sessions) },
                    { key: 'present', label: t('reports.dashboard.present'), values: d.attendance.months.map((m) => m.present) },
                  ]}
                  label={t('reports.dashboard.attendance')}
                  formatTick={(v) => formatNumber(v, lang)}
                />
              }
              table={
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('reports.dashboard.month')}</th>
                      <th scope="col" className="num">{t('reports.dashboard.sessions')}</th>
                      <th scope="col" className="num">{t('reports.dashboard.present')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.attendance.months.map((m) => (
                      <tr key={m.month}>
                        <th scope="row">{m.month}</th>
                        <td className="num">{formatNumber(m.sessions, lang)}</td>
                        <td className="num">{valueText(m.present, m.suppressed, lang, t)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              }
            />
          ) : (
            <section>
              <h3>{t('reports.dashboard.attendance')}</h3>
              <Unavailable reason={d.attendance.reason} />
            </section>
          )}
          <BreakdownFigure
            title={t('reports.dashboard.competencesChildren')}
            section={d.competences.children}
            head={[t('reports.dashboard.domain'), t('reports.dashboard.shareImproving')]}
          />
          <BreakdownFigure
            title={t('reports.dashboard.competencesParents')}
            section={d.competences.parents}
            head={[t('reports.dashboard.domain'), t('reports.dashboard.shareImproving')]}
          />
          <BreakdownFigure
            title={t('reports.dashboard.incidents')}
            section={d.incidents}
            head={[t('reports.dashboard.type'), t('reports.dashboard.count')]}
          />
        </div>
      ) : null}
    </>
  );
}
