// The families found, in the server's order (Czech collation). On a phone each row becomes a card.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';
import { districtName, type District } from '../api/get-districts';
import type { FamilyListItem } from '../types';
import { FamilyStatusBadge } from './FamilyStatusBadge';

type FamiliesTableProps = { families: readonly FamilyListItem[]; districts: readonly District[] | undefined };

export function FamiliesTable({ families, districts }: FamiliesTableProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <table className="table table--stack families-table">
      <caption className="visually-hidden">{t('families.list.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('families.name')}</th>
          <th scope="col">{t('families.district')}</th>
          <th scope="col">{t('families.statusLabel')}</th>
          <th scope="col">{t('families.keyworker')}</th>
          <th scope="col">{t('families.list.members')}</th>
          <th scope="col">{t('families.list.updated')}</th>
        </tr>
      </thead>
      <tbody>
        {families.map((f) => (
          <tr key={f.id}>
            <th scope="row">
              <Link to={`/families/${f.id}`} className="families-table__link">
                {f.name}
              </Link>
              {f.member_names.length > 0 ? <p className="small muted families-table__names">{f.member_names.join(', ')}</p> : null}
            </th>
            <td data-label={t('families.district')}>{districtName(districts, f.district)}</td>
            <td data-label={t('families.statusLabel')}>
              <FamilyStatusBadge status={f.status} />
            </td>
            <td data-label={t('families.keyworker')}>{f.keyworker?.username ?? t('families.noKeyworker')}</td>
            <td data-label={t('families.list.members')}>
              {t('families.list.membersCount', { count: f.members_count })}
              {', '}
              {t('families.list.childrenCount', { count: f.children_count })}
            </td>
            <td data-label={t('families.list.updated')}>{formatDate(f.updated_at, lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
