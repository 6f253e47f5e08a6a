// People found, in the server's order (Czech collation). On a phone each row becomes a card.
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatIsoDate } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';
import { personName, type PersonListItem } from '../types';

type PeopleTableProps = {
  people: readonly PersonListItem[];
  caption: string;
  /** An extra cell per row (e.g. a "choose" button); its column is titled `actionLabel`. */
  action?: (person: PersonListItem) => ReactNode;
  actionLabel?: string;
};

export function PeopleTable({ people, caption, action, actionLabel }: PeopleTableProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <table className="table table--stack people-table">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('registryExtra.search.name')}</th>
          <th scope="col">{t('registryExtra.search.born')}</th>
          <th scope="col">{t('registryExtra.search.role')}</th>
          <th scope="col">{t('registryExtra.search.family')}</th>
          {action ? <th scope="col">{actionLabel ?? t('common.actions')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {people.map((p) => (
          <tr key={p.id}>
            <th scope="row">
              <Link to={`/people/${p.id}`}>{personName(p)}</Link>
            </th>
            <td data-label={t('registryExtra.search.born')}>{formatIsoDate(p.birth_date, lang)}</td>
            <td data-label={t('registryExtra.search.role')}>{t(`people.role.${p.role}`)}</td>
            <td data-label={t('registryExtra.search.family')}>
              <Link to={`/families/${p.family_id}`}>{p.family_name}</Link>
            </td>
            {action ? <td data-label={actionLabel ?? t('common.actions')}>{action(p)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
