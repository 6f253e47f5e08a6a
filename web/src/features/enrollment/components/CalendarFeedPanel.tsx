// The worker's secret calendar address: create it (shown once), replace it, or switch it off.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';
import { useFeedStatus, useRevokeFeed, useRotateFeed } from '../api/calendar-feed';

export function CalendarFeedPanel() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const status = useFeedStatus();
  const rotate = useRotateFeed();
  const revoke = useRevokeFeed();
  const [url, setUrl] = useState<string | null>(null);
  const active = status.data?.active ?? false;
  return (
    <section className="section" aria-labelledby="feed-title">
      <h2 id="feed-title">{t('enrollment.feed.title')}</h2>
      <p>{t('enrollment.feed.lead')}</p>
      {status.error ? <ErrorAlert error={status.error} /> : null}
      {rotate.error ? <ErrorAlert error={rotate.error} /> : null}
      {revoke.error ? <ErrorAlert error={revoke.error} /> : null}
      {url ? (
        <Alert tone="success" title={t('enrollment.feed.created')}>
          <p className="feed-url">{url}</p>
          <p>{t('enrollment.feed.onlyOnce')}</p>
        </Alert>
      ) : null}
      <p>
        {active && status.data?.created_at
          ? t('enrollment.feed.activeSince', { date: formatDateTime(status.data.created_at, lang) })
          : t('enrollment.feed.none')}
      </p>
      <div className="form__actions">
        <Button
          variant={active ? 'secondary' : 'primary'}
          busy={rotate.isPending}
          onClick={() =>
            rotate.mutate(undefined, {
              onSuccess: (s) => setUrl(s.path ? `${window.location.origin}${s.path}` : null),
            })
          }
        >
          {active ? t('enrollment.feed.rotate') : t('enrollment.feed.create')}
        </Button>
        {active ? (
          <Button variant="danger" busy={revoke.isPending} onClick={() => revoke.mutate(undefined, { onSuccess: () => setUrl(null) })}>
            {t('enrollment.feed.revoke')}
          </Button>
        ) : null}
      </div>
    </section>
  );
}
