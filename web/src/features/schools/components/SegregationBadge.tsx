// A school's segregation status in words with its own mark, never by colour alone.
import { useTranslation } from 'react-i18next';
import type { SegregationStatus } from '../types';

const marks: Record<SegregationStatus, { mark: string; tone: string }> = {
  unknown: { mark: '?', tone: 'badge--muted' },
  below_thresholds: { mark: '○', tone: 'badge--ok' },
  more_than_third: { mark: '◔', tone: 'badge--info' },
  more_than_half: { mark: '◑', tone: 'badge--warn' },
  almost_all: { mark: '●', tone: 'badge--danger' },
};

export function SegregationBadge({ status }: { status: SegregationStatus }) {
  const { t } = useTranslation();
  const { mark, tone } = marks[status];
  return (
    <span className={`badge ${tone}`}>
      <span aria-hidden="true">{mark} </span>
      {t(`schools.status.${status}`)}
    </span>
  );
}
