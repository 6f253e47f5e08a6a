// A person's support hours, competence progress chart and a new assessment.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { useIdParam } from '@/lib/use-id-param';
import { useSupportHours } from '../api/attendance';
import { useFrameworks, useProgress } from '../api/competences';
import { AssessmentForm } from '../components/AssessmentForm';
import { ProgressChart } from '../components/ProgressChart';

export function PersonProgressRoute() {
  const { t } = useTranslation();
  const id = useIdParam('personId') ?? 0;
  const hours = useSupportHours(id);
  const progress = useProgress(id);
  const frameworks = useFrameworks();
  return (
    <>
      <PageHeader title={t('activities.progress.pageTitle')} />
      <p>
        <Link to={`/people/${id}`}>{t('activities.progress.person')}</Link>
      </p>
      {hours.isSuccess ? (
        <p className="support-hours">
          {t('activities.hours.total', { hours: hours.data.hours.toLocaleString(), threshold: hours.data.threshold_hours })}{' '}
          {hours.data.supported ? t('activities.hours.supported') : t('activities.hours.notYet')}
        </p>
      ) : null}
      {hours.isError ? <ErrorAlert error={hours.error} /> : null}
      {progress.isPending ? <Loading /> : null}
      {progress.isSuccess ? <ProgressChart progress={progress.data} /> : null}
      {frameworks.isSuccess
        ? frameworks.data.items.map((f) => (
            <details key={f.id}>
              <summary>{t('activities.assessment.with', { name: f.name_cs })}</summary>
              <AssessmentForm personId={id} framework={f} />
            </details>
          ))
        : null}
    </>
  );
}
