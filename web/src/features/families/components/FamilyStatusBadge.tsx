// A family's status in words with its own mark, never by colour alone.
import { useTranslation } from 'react-i18next';
import type { FamilyStatus } from '../types';

const marks: Record<FamilyStatus, { mark: string; tone: string }> = {
  referred: { mark: '◔', tone: 'badge--info' },
  active: { mark: '●', tone: 'badge--ok' },
  paused: { mark: '‖', tone: 'badge--warn' },
  closed: { mark: '○', tone: 'badge--muted' },
};

export function FamilyStatusBadge({ status }: { status: FamilyStatus }) {
  const { t } = useTranslation();
  const { mark, tone } = marks[status];
  return (
    <span className={`badge ${tone}`}>
      <span aria-hidden="true">{mark} </span>
      {t(`families.status.${status}`)}
    </span>
  );
}
