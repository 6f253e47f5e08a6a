// Zápis: the board of a school year's cases by stage, with the year's funnel. Analysts see the
// funnel only (the board holds children's names).
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { QueryError } from '@/components/ui/QueryError';
import { Field } from '@/components/ui/Field';
import { useMe } from '@/features/auth/api/get-me';
import { todayIso } from '@/lib/dates';
import { useEnrollmentCases } from '../api/get-enrollment-cases';
import { useFunnel } from '../api/get-funnel';
import { EnrollmentBoard } from '../components/EnrollmentBoard';
import { FunnelSummary } from '../components/FunnelSummary';
import { schoolYearLabel, schoolYearOf } from '../types';

export function EnrollmentBoardRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const current = schoolYearOf(todayIso());
  const [year, setYear] = useState(current);
  const analyst = me.data?.role === 'analyst';
  const coordinator = me.data?.role === 'coordinator' || me.data?.role === 'admin';
  const years = [current - 1, current, current + 1];
  return (
    <>
      <PageHeader
        title={t('places.enrollment.name')}
        lead={t('enrollment.board.lead')}
        actions={
          analyst ? null : (
            <>
              <Link to="/enrollment/new" className="btn btn--primary">
                {t('enrollment.open.title')}
              </Link>
              {coordinator ? (
                <>
                  <Link to="/enrollment/templates" className="btn btn--secondary">
                    {t('documents.editor.templatesTitle')}
                  </Link>
                  <Link to="/enrollment/guide" className="btn btn--secondary">
                    {t('documents.editor.guideTitle')}
                  </Link>
                </>
              ) : null}
            </>
          )
        }
      />
      <div className="filters">
        <Field label={t('enrollment.board.schoolYear')}>
          {(control) => (
            <select {...control} className="input input--short" value={year} onChange={(e) => setYear(Number(e.target.value))}>
              {years.map((y) => (
                <option key={y} value={y}>
                  {schoolYearLabel(y)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {analyst ? null : <Board year={year} />}
      <FunnelSection year={year} />
    </>
  );
}

function Board({ year }: { year: number }) {
  const { t } = useTranslation();
  const cases = useEnrollmentCases({ school_year: year });
  if (cases.isPending) return <Loading />;
  if (cases.isError)
    return (
      <QueryError
        error={cases.error}
        notFoundTitle={t('enrollment.board.title')}
        notFoundBody=""
        back={null}
        onRetry={() => void cases.refetch()}
      />
    );
  return (
    <section className="section" aria-label={t('enrollment.board.title')}>
      {cases.data.total === 0 ? <p>{t('enrollment.board.empty')}</p> : null}
      <EnrollmentBoard items={cases.data.items} />
    </section>
  );
}

function FunnelSection({ year }: { year: number }) {
  const { t } = useTranslation();
  const funnel = useFunnel(year);
  return (
    <section className="section" aria-labelledby="funnel-title">
      <h2 id="funnel-title">{t('enrollment.funnel.title')}</h2>
      {funnel.isPending ? <Loading /> : null}
      {funnel.isError ? (
        <QueryError error={funnel.error} notFoundTitle="" notFoundBody="" back={null} onRetry={() => void funnel.refetch()} />
      ) : null}
      {funnel.data ? <FunnelSummary funnel={funnel.data} /> : null}
      {funnel.data && funnel.data.suppression_threshold > 0 ? (
        <p className="muted small">{t('enrollment.funnel.suppressedNote', { n: funnel.data.suppression_threshold })}</p>
      ) : null}
    </section>
  );
}
