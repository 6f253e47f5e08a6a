// Cohort progress: per domain, the share of people improving between their first and latest assessment.
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/Loading';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { useLanguage } from '@/lib/use-language';
import { useCohort } from '../api/competences';
import { localName } from '../types';

export function CohortTable({ framework }: { framework: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const cohort = useCohort(framework);
  if (cohort.isPending) return <Loading />;
  if (cohort.isError) return <ErrorAlert error={cohort.error} />;
  return (
    <table className="table table--stack">
      <caption>{t(`activities.cohort.caption.${framework === 'parents' ? 'parents' : 'children'}`)}</caption>
      <thead>
        <tr>
          <th scope="col">{t('activities.progress.domain')}</th>
          <th scope="col">{t('activities.cohort.people')}</th>
          <th scope="col">{t('activities.cohort.improved')}</th>
          <th scope="col">{t('activities.cohort.share')}</th>
        </tr>
      </thead>
      <tbody>
        {cohort.data.domains.map((d) => (
          <tr key={d.code}>
            <th scope="row">{localName(d, lang)}</th>
            <td data-label={t('activities.cohort.people')}>{d.people}</td>
            <td data-label={t('activities.cohort.improved')}>{d.improved}</td>
            <td data-label={t('activities.cohort.share')}>{d.people ? `${Math.round(d.share_improving * 100)} %` : '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
