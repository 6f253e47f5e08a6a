// Composition estimates over school years: the chart (newest estimate per year) and the table of every
// estimate with its segregation status under the thresholds in force; coordinators add estimates.
import { useTranslation } from 'react-i18next';
import { formatIsoDate } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';
import { DEFAULT_THRESHOLDS, useThresholds } from '../api/settings';
import { formatShare, latestPerYear } from '../lib/composition';
import { schoolYearLabel, type SchoolDetail } from '../types';
import { CompositionChart } from './CompositionChart';
import { CompositionForm } from './CompositionForm';
import { SegregationBadge } from './SegregationBadge';

export function CompositionSection({ school, mayEdit }: { school: SchoolDetail; mayEdit: boolean }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const thresholds = useThresholds();
  const th = thresholds.data ?? DEFAULT_THRESHOLDS;
  const points = latestPerYear(school.composition);
  return (
    <section className="section" aria-labelledby="composition-title">
      <h2 id="composition-title">{t('schools.composition.title')}</h2>
      <p className="small muted">
        {t('schools.composition.thresholds', {
          third: formatShare(th.more_than_third, lang),
          half: formatShare(th.more_than_half, lang),
          all: formatShare(th.almost_all, lang),
        })}
      </p>
      {school.composition.length === 0 ? (
        <p>{mayEdit ? t('schools.composition.emptyEditor') : t('schools.composition.empty')}</p>
      ) : (
        <>
          <figure className="school-figure">
            <figcaption className="visually-hidden">{t('schools.composition.chartLabel')}</figcaption>
            <CompositionChart points={points} thresholds={th} />
          </figure>
          <div className="table-scroll">
            <table className="table table--compact table--stack composition-table">
              <caption>{t('schools.composition.tableCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('schools.composition.year')}</th>
                  <th scope="col">{t('schools.composition.roma')}</th>
                  <th scope="col">{t('schools.composition.disadvantaged')}</th>
                  <th scope="col">{t('schools.composition.status')}</th>
                  <th scope="col">{t('schools.composition.source')}</th>
                  <th scope="col">{t('schools.composition.estimatedOn')}</th>
                  <th scope="col">{t('schools.composition.confidence')}</th>
                </tr>
              </thead>
              <tbody>
                {school.composition.map((e) => (
                  <tr key={e.id}>
                    <th scope="row">{schoolYearLabel(e.school_year)}</th>
                    <td data-label={t('schools.composition.roma')}>{formatShare(e.roma_share, lang)}</td>
                    <td data-label={t('schools.composition.disadvantaged')}>{formatShare(e.disadvantaged_share, lang)}</td>
                    <td data-label={t('schools.composition.status')}>
                      <SegregationBadge status={e.segregation_status} />
                    </td>
                    <td data-label={t('schools.composition.source')}>{e.source}</td>
                    <td data-label={t('schools.composition.estimatedOn')} className="nowrap">
                      {formatIsoDate(e.estimated_on, lang)}
                    </td>
                    <td data-label={t('schools.composition.confidence')}>{t(`schools.confidence.${e.confidence}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {mayEdit ? <CompositionForm schoolId={school.id} /> : null}
    </section>
  );
}
