// Analýzy (landing): segregation of Brno's schools per school year, from the schools' composition
// estimates: a trend of M, H and D across years and, for the chosen year, each school's minority share,
// its label (more than a third / half / almost all) and its local segregation.
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { EmptyState } from '@/components/ui/EmptyState';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Field } from '@/components/ui/Field';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { isApiError } from '@/lib/api-error';
import { useLanguage } from '@/lib/use-language';
import { isSchoolLevel, schoolLevels, useSchoolSegregation, type SchoolYear } from '../api/get-school-segregation';
import { AnalyticsTabs } from '../components/AnalyticsTabs';
import { ChartFigure } from '../components/charts/ChartFigure';
import { LineChart } from '../components/charts/LineChart';
import { formatCount, formatFixed, formatShare } from '../lib/numbers';

const indexKeys = ['M', 'H', 'D'] as const;

export function SchoolSegregationRoute() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [params, setParams] = useSearchParams();
  const levelParam = params.get('level');
  const level = isSchoolLevel(levelParam) ? levelParam : 'zs';
  const query = useSchoolSegregation(level);
  const [chosenYear, setChosenYear] = useState<string | null>(null);

  const years: SchoolYear[] = [...(query.data?.years ?? [])].sort((a, b) => a.school_year.localeCompare(b.school_year));
  const selected = years.find((y) => y.school_year === chosenYear) ?? years[years.length - 1];
  const idx = (v: number | null) => formatFixed(v, lang, 3);

  return (
    <>
      <PageHeader title={t('analytics.schools.title')} lead={t('analytics.schools.lead')} />
      <AnalyticsTabs />
      <div className="analytics-form__row section">
        <Field label={t('analytics.schools.level')}>
          {(control) => (
            <select
              {...control}
              className="input"
              value={level}
              onChange={(e) => {
                setChosenYear(null);
                setParams(e.target.value === 'zs' ? {} : { level: e.target.value }, { replace: true });
              }}
            >
              {schoolLevels.map((l) => (
                <option key={l} value={l}>
                  {t(`analytics.schools.levels.${l}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {years.length > 1 ? (
          <Field label={t('analytics.schools.year')}>
            {(control) => (
              <select {...control} className="input" value={selected?.school_year ?? ''} onChange={(e) => setChosenYear(e.target.value)}>
                {years.map((y) => (
                  <option key={y.school_year} value={y.school_year}>
                    {y.school_year}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
      </div>

      {query.isPending ? <Loading /> : null}
      {query.isError ? (
        isApiError(query.error) && query.error.code === 'not_found' ? (
          <EmptyState title={t('analytics.schools.unavailableTitle')}>
            <p>{t('analytics.schools.unavailableBody')}</p>
          </EmptyState>
        ) : (
          <ErrorAlert error={query.error}>
            <Button variant="secondary" onClick={() => void query.refetch()}>
              {t('common.retry')}
            </Button>
          </ErrorAlert>
        )
      ) : null}
      {query.isSuccess && years.length === 0 ? (
        <EmptyState
          title={t('analytics.schools.emptyTitle')}
          action={
            <p>
              <Link to="/schools">{t('analytics.schools.emptyLink')}</Link>
            </p>
          }
        >
          <p>{t('analytics.schools.emptyBody')}</p>
        </EmptyState>
      ) : null}

      {query.isSuccess && years.length > 0 ? (
        <>
          <ChartFigure
            headingLevel={2}
            title={t('analytics.schools.trendTitle')}
            description={t('analytics.schools.trendHelp')}
            chart={
              <LineChart
                label={t('analytics.schools.trendLabel')}
                categories={years.map((y) => y.school_year)}
                formatTick={(v) => formatFixed(v, lang, 2)}
                series={indexKeys.map((k) => ({ key: k, label: t(`analytics.measure.${k}.short`), values: years.map((y) => y[k]) }))}
              />
            }
            table={
              <table className="table table--compact">
                <caption className="visually-hidden">{t('analytics.schools.trendTitle')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('analytics.schools.year')}</th>
                    <th scope="col" className="num">{t('analytics.schools.children')}</th>
                    {indexKeys.map((k) => (
                      <th scope="col" className="num" key={k}>
                        {t(`analytics.measure.${k}.short`)}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {years.map((y) => (
                    <tr key={y.school_year}>
                      <th scope="row">{y.school_year}</th>
                      <td className="num">{formatCount(y.N, lang)}</td>
                      {indexKeys.map((k) => (
                        <td className="num" key={k}>
                          {idx(y[k])}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            }
          />
          {selected ? (
            <section className="section" aria-labelledby="schools-year">
              <h2 id="schools-year">{t('analytics.schools.yearTitle', { year: selected.school_year })}</h2>
              <p className="muted small">{t('analytics.schools.statusHelp')}</p>
              {query.data?.weights ? <p className="muted small">{t('analytics.schools.weights')}</p> : null}
              {selected.schools_without_capacity ? (
                <p className="muted small">{t('analytics.schools.withoutCapacity', { n: selected.schools_without_capacity })}</p>
              ) : null}
              <div className="table-scroll">
                <table className="table table--compact">
                  <caption className="visually-hidden">{t('analytics.schools.yearTitle', { year: selected.school_year })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('analytics.schools.school')}</th>
                      <th scope="col" className="num">{t('analytics.schools.minorityShare')}</th>
                      <th scope="col">{t('analytics.schools.status')}</th>
                      <th scope="col" className="num">{t('analytics.segregation.ls')}</th>
                      <th scope="col" className="num">{t('analytics.segregation.p')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {[...selected.schools]
                      .sort((a, b) => (b.minority_share ?? -1) - (a.minority_share ?? -1))
                      .map((s) => (
                        <tr key={String(s.id)}>
                          <th scope="row">{s.name}</th>
                          <td className="num">{formatShare(s.minority_share, lang, 1)}</td>
                          <td>
                            <span className={`badge analytics-status analytics-status--${s.status}`}>{t(`analytics.schools.statuses.${s.status}`)}</span>
                          </td>
                          <td className="num">{idx(s.local_ls)}</td>
                          <td className="num">{formatShare(s.local_p, lang, 1)}</td>
                        </tr>
                      ))}
                  </tbody>
                </table>
              </div>
            </section>
          ) : null}
        </>
      ) : null}
    </>
  );
}
