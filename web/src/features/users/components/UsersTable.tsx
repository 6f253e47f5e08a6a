// All accounts, sorted by Czech collation. On a phone each row becomes a labelled card.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';
import type { User } from '@/types/user';

const collator = new Intl.Collator('cs', { sensitivity: 'base' });

export function sortUsers(users: readonly User[]): User[] {
  return [...users].sort((a, b) => collator.compare(a.username, b.username));
}

export function UsersTable({ users }: { users: readonly User[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <table className="table table--stack">
      <caption className="visually-hidden">{t('admin.users.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('admin.users.username')}</th>
          <th scope="col">{t('admin.users.role')}</th>
          <th scope="col">{t('admin.users.team')}</th>
          <th scope="col">{t('admin.users.status')}</th>
          <th scope="col">{t('admin.users.lastLogin')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('common.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {sortUsers(users).map((user) => (
          <tr key={user.id}>
            <th scope="row" data-label={t('admin.users.username')}>
              {user.username}
            </th>
            <td data-label={t('admin.users.role')}>{t(`roles.${user.role}`)}</td>
            <td data-label={t('admin.users.team')}>{user.team ?? t('admin.users.noTeamShort')}</td>
            <td data-label={t('admin.users.status')}>
              <span className={user.active ? 'badge badge--ok' : 'badge badge--muted'}>
                <span aria-hidden="true">{user.active ? '● ' : '○ '}</span>
                {user.active ? t('admin.users.active') : t('admin.users.inactive')}
              </span>
            </td>
            <td data-label={t('admin.users.lastLogin')}>
              {user.last_login_at ? formatDateTime(user.last_login_at, lang) : t('admin.users.never')}
            </td>
            <td className="table__actions">
              <Link to={`/admin/users/${user.id}`} className="btn btn--secondary btn--small">
                {t('common.edit')}
                <span className="visually-hidden"> {user.username}</span>
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
