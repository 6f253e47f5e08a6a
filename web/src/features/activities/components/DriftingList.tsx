// "Drifting away": people who missed the last three club sessions or parent meetings.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Loading } from '@/components/ui/Loading';
import { formatDate } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';
import { useDrifting } from '../api/activities';
import { personLabel } from '../types';

export function DriftingList() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const drifting = useDrifting();
  return (
    <section aria-labelledby="drifting-title">
      <h2 id="drifting-title">{t('activities.drifting.title')}</h2>
      <p>{t('activities.drifting.lead')}</p>
      {drifting.isPending ? <Loading /> : null}
      {drifting.isError ? <ErrorAlert error={drifting.error} /> : null}
      {drifting.isSuccess && drifting.data.items.length === 0 ? <p>{t('activities.drifting.none')}</p> : null}
      {drifting.isSuccess && drifting.data.items.length > 0 ? (
        <ul className="drifting-list">
          {drifting.data.items.map((d) => (
            <li key={d.person_id}>
              <Link to={`/families/${d.family_id}`}>{personLabel(d)}</Link>{' '}
              {d.last_present
                ? t('activities.drifting.lastPresent', { date: formatDate(d.last_present, lang) })
                : t('activities.drifting.never')}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
