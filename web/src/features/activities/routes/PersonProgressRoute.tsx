// A person's support hours, competence progress chart and a new assessment.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { formatDate, formatNumber } from '@/lib/format';
import { useIdParam } from '@/lib/use-id-param';
import { useLanguage } from '@/lib/use-language';
import { useSupportHours } from '../api/attendance';
import { useFrameworks, usePersonAssessments, useProgress } from '../api/competences';
import { AssessmentForm } from '../components/AssessmentForm';
import { ProgressChart } from '../components/ProgressChart';
import { localName } from '../types';

export function PersonProgressRoute() {
  const { t } = useTranslation();
  const id = useIdParam('personId') ?? 0;
  const hours = useSupportHours(id);
  const progress = useProgress(id);
  const frameworks = useFrameworks();
  const assessments = usePersonAssessments(id);
  const lang = useLanguage();
  const fwName = (code: string) => {
    const f = frameworks.data?.items.find((x) => x.code === code);
    return f ? localName(f, lang) : code;
  };
  return (
    <>
      <PageHeader title={t('activities.progress.pageTitle')} />
      <p>
        <Link to={`/people/${id}`}>{t('activities.progress.person')}</Link>
      </p>
      {hours.isSuccess ? (
        <p className="support-hours">
          {t('activities.hours.total', { hours: formatNumber(hours.data.hours, lang), threshold: formatNumber(hours.data.threshold_hours, lang) })}{' '}
          {hours.data.supported ? t('activities.hours.supported') : t('activities.hours.notYet')}
        </p>
      ) : null}
      {hours.isError ? <ErrorAlert error={hours.error} /> : null}
      {progress.isPending ? <Loading /> : null}
      {progress.isSuccess ? <ProgressChart progress={progress.data} /> : null}
      <section aria-labelledby="past-assessments">
        <h2 id="past-assessments">{t('activities.assessment.past')}</h2>
        {assessments.isError ? <ErrorAlert error={assessments.error} /> : null}
        {assessments.isSuccess && assessments.data.items.length === 0 ? <p>{t('activities.progress.none')}</p> : null}
        <ul className="assessment-list">
          {(assessments.data?.items ?? []).map((a) => (
            <li key={a.id}>
              <strong>{formatDate(a.date, lang)}</strong>{' '}
              {t('activities.assessment.usedVersion', { name: fwName(a.framework), version: a.framework_version })}
              {' · '}
              {t('activities.assessment.by', { name: a.assessor })}
              {' · '}
              {t('activities.assessment.indicators', { count: Object.keys(a.levels).length })}
              {a.note ? ` — ${a.note}` : ''}
            </li>
          ))}
        </ul>
        <p>
          <Link to="/activities/frameworks">{t('activities.frameworks.link')}</Link>
        </p>
      </section>
      {frameworks.isSuccess
        ? frameworks.data.items.map((f) => (
            <details key={f.id}>
              <summary>{t('activities.assessment.with', { name: localName(f, lang) })}</summary>
              <AssessmentForm personId={id} framework={f} />
            </details>
          ))
        : null}
    </>
  );
}
