// Someone saved this record while it was being edited: both versions side by side, and a choice.
import { useTranslation } from 'react-i18next';
import { Button } from './Button';

export type ConflictRow = { label: string; mine: string; theirs: string };

type VersionConflictProps = {
  rows: ConflictRow[];
  busy: boolean;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
};

export function VersionConflict({ rows, busy, onKeepMine, onTakeTheirs }: VersionConflictProps) {
  const { t } = useTranslation();
  return (
    <div className="conflict">
      <table className="table table--compact">
        <caption className="visually-hidden">{t('conflict.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('conflict.field')}</th>
            <th scope="col">{t('conflict.mine')}</th>
            <th scope="col">{t('conflict.theirs')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td>
                {row.mine || '—'}
                {row.mine !== row.theirs ? <span className="conflict__diff"> ({t('conflict.differs')})</span> : null}
              </td>
              <td>{row.theirs || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="form__actions">
        <Button onClick={onKeepMine} busy={busy}>
          {t('conflict.keepMine')}
        </Button>
        <Button variant="secondary" onClick={onTakeTheirs} disabled={busy}>
          {t('conflict.takeTheirs')}
        </Button>
      </div>
    </div>
  );
}
