// The role and team choices shared by the create and edit forms.
import { useTranslation } from 'react-i18next';
import { roles } from '@/types/user';
import type { Team } from '../api/get-teams';

export function RoleOptions() {
  const { t } = useTranslation();
  return (
    <>
      {roles.map((role) => (
        <option key={role} value={role}>
          {t(`roles.${role}`)}
        </option>
      ))}
    </>
  );
}

/** Team options; a team the user still has but which is no longer listed stays selectable. */
export function TeamOptions({ teams, current }: { teams: Team[]; current?: string | null }) {
  const { t } = useTranslation();
  const names = teams.map((team) => team.name);
  if (current && !names.includes(current)) names.push(current);
  return (
    <>
      <option value="">{t('admin.users.noTeam')}</option>
      {names.map((name) => (
        <option key={name} value={name}>
          {name}
        </option>
      ))}
    </>
  );
}
