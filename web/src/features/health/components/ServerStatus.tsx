// A quiet line saying the server answers (and which version), or loudly that it does not.
import { useTranslation } from 'react-i18next';
import { useHealth } from '../api/get-health';

export function ServerStatus() {
  const { t } = useTranslation();
  const health = useHealth();
  if (health.isPending) return null;
  if (health.isError || health.data.status !== 'ok') {
    return (
      <p className="server-status server-status--down" role="status">
        <span aria-hidden="true">! </span>
        {t('health.down')}
      </p>
    );
  }
  return (
    <p className="server-status">
      {t('health.ok', { version: health.data.version, db: health.data.db === 'postgresql' ? 'PostgreSQL' : 'SQLite' })}
    </p>
  );
}
