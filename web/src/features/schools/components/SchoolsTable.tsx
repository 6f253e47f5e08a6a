// Schools found, in Czech alphabetical order (the server sorts by Czech collation). On a phone each row
// becomes a card.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '@/lib/use-language';
import { formatShare } from '../lib/composition';
import { schoolYearLabel, type SchoolListItem } from '../types';
import { SegregationBadge } from './SegregationBadge';

export function SchoolsTable({ schools }: { schools: readonly SchoolListItem[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <table className="table table--stack schools-table">
      <caption className="visually-hidden">{t('schools.list.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('schools.name')}</th>
          <th scope="col">{t('schools.type')}</th>
          <th scope="col">{t('schools.district')}</th>
          <th scope="col">{t('schools.list.latest')}</th>
          <th scope="col">{t('schools.statusLabel')}</th>
        </tr>
      </thead>
      <tbody>
        {schools.map((s) => (
          <tr key={s.id}>
            <th scope="row">
              <Link to={`/schools/${s.id}`}>{s.name}</Link>
              <p className="small muted">IZO {s.izo}</p>
            </th>
            <td data-label={t('schools.type')}>{t(`schools.typeName.${s.type}`)}</td>
            <td data-label={t('schools.district')}>{s.district ?? '—'}</td>
            <td data-label={t('schools.list.latest')}>
              {s.composition_school_year === null
                ? t('schools.list.noEstimate')
                : t('schools.list.romaIn', { share: formatShare(s.roma_share, lang), year: schoolYearLabel(s.composition_school_year) })}
            </td>
            <td data-label={t('schools.statusLabel')}>
              <SegregationBadge status={s.segregation_status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
