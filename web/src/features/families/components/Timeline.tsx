// The family's contacts, newest first: date, kind, worker, what happened and whom it concerned.
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Loading } from '@/components/ui/Loading';
import { formatIsoDate } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';
import { personName, type PersonSummary } from '@/features/people/types';
import { useTimeline } from '../api/get-timeline';
import type { TimelineItem } from '../types';

/** Newest first; the server already sends them so, this only keeps the order if it does not. */
export function newestFirst(items: readonly TimelineItem[]): TimelineItem[] {
  return [...items].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
}

export function Timeline({ familyId, members }: { familyId: number; members: readonly PersonSummary[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const timeline = useTimeline(familyId);
  if (timeline.isPending) return <Loading />;
  if (timeline.isError) {
    return (
      <ErrorAlert error={timeline.error}>
        <Button variant="secondary" onClick={() => void timeline.refetch()}>
          {t('common.retry')}
        </Button>
      </ErrorAlert>
    );
  }
  if (timeline.data.length === 0) {
    return <p className="muted">{t('families.timeline.empty')}</p>;
  }
  const nameOf = (id: number) => {
    const m = members.find((p) => p.id === id);
    return m ? personName(m) : t('families.timeline.unknownPerson', { id });
  };
  return (
    <ol className="timeline" aria-label={t('families.timeline.listLabel')}>
      {newestFirst(timeline.data).map((item) => (
        <li key={item.id} className="timeline__item">
          <p className="timeline__meta">
            <strong>{formatIsoDate(item.date, lang)}</strong>
            {' · '}
            {t(`families.contactType.${item.type}`)}
            {item.worker ? ` · ${item.worker}` : null}
          </p>
          <p className="timeline__summary">{item.summary}</p>
          {item.person_ids.length > 0 ? (
            <p className="small muted">{t('families.timeline.concerns', { names: item.person_ids.map(nameOf).join(', ') })}</p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
