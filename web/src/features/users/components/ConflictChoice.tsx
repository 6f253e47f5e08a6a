// Someone saved this user while the admin was editing: both versions side by side, and a choice.
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import type { User } from '@/types/user';
import type { EditUserInput } from '../api/update-user';

type ConflictChoiceProps = {
  mine: EditUserInput;
  theirs: User;
  busy: boolean;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
};

export function ConflictChoice({ mine, theirs, busy, onKeepMine, onTakeTheirs }: ConflictChoiceProps) {
  const { t } = useTranslation();
  const yesNo = (v: boolean) => (v ? t('admin.users.active') : t('admin.users.inactive'));
  const rows = [
    { label: t('admin.users.role'), mine: t(`roles.${mine.role}`), theirs: t(`roles.${theirs.role}`) },
    {
      label: t('admin.users.team'),
      mine: mine.team || t('admin.users.noTeamShort'),
      theirs: theirs.team ?? t('admin.users.noTeamShort'),
    },
    { label: t('admin.users.status'), mine: yesNo(mine.active), theirs: yesNo(theirs.active) },
  ];
  return (
    <div className="conflict">
      <table className="table table--compact">
        <caption className="visually-hidden">{t('admin.users.conflictCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t('admin.users.conflictField')}</span>
            </th>
            <th scope="col">{t('admin.users.conflictMine')}</th>
            <th scope="col">{t('admin.users.conflictTheirs')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>
                {row.mine}
                {row.mine !== row.theirs ? <span className="conflict__diff"> ({t('admin.users.conflictDiffers')})</span> : null}
              </td>
              <td>{row.theirs}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form__actions">
        <Button onClick={onKeepMine} busy={busy}>
          {t('admin.users.conflictKeepMine')}
        </Button>
        <Button variant="secondary" onClick={onTakeTheirs} disabled={busy}>
          {t('admin.users.conflictTakeTheirs')}
        </Button>
      </div>
    </div>
  );
}
