// A consent's state in words and a mark: valid ✓, expired ◷, withdrawn ✕ — never colour alone.
import { useTranslation } from 'react-i18next';
import type { Consent } from '../types';

const marks: Record<Consent['status'], { mark: string; tone: string }> = {
  valid: { mark: '✓', tone: 'badge--ok' },
  expired: { mark: '◷', tone: 'badge--warn' },
  withdrawn: { mark: '✕', tone: 'badge--danger' },
};

export function ConsentStatusBadge({ status }: { status: Consent['status'] }) {
  const { t } = useTranslation();
  return (
    <span className={`badge ${marks[status].tone}`}>
      <span aria-hidden="true">{marks[status].mark} </span>
      {t(`people.consent.status.${status}`)}
    </span>
  );
}
