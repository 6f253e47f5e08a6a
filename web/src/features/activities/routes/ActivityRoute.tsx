// One activity: what, when, who; the roll-call; the attendance sheet PDF; each participant's progress.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { QueryError } from '@/components/ui/QueryError';
import { formatDate } from '@/lib/format';
import { useIdParam } from '@/lib/use-id-param';
import { useLanguage } from '@/lib/use-language';
import { attendanceSheetUrl, useActivity, useActivityTypes } from '../api/activities';
import { RollCall } from '../components/RollCall';
import { localName, personLabel } from '../types';

export function ActivityRoute() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const id = useIdParam('activityId') ?? 0;
  const activity = useActivity(id);
  const types = useActivityTypes();
  if (activity.isPending) return <Loading />;
  if (activity.isError)
    return (
      <QueryError
        error={activity.error}
        notFoundTitle={t('activities.notFound.title')}
        notFoundBody={t('activities.notFound.body')}
        back={<Link to="/activities">{t('activities.back')}</Link>}
        onRetry={() => void activity.refetch()}
      />
    );
  const a = activity.data;
  const ty = types.data?.items.find((x) => x.code === a.type);
  return (
    <>
      <PageHeader
        title={`${ty ? localName(ty, lang) : a.type} · ${formatDate(a.date, lang)}`}
        lead={`${a.start}–${a.end}${a.place ? ` · ${a.place}` : ''}`}
        actions={
          <>
            <Link className="btn btn--secondary" to={`/activities/${a.id}/edit`}>
              {t('activities.edit.link')}
            </Link>
            <a className="btn btn--secondary" href={attendanceSheetUrl(a.id)} target="_blank" rel="noreferrer">
              {t('activities.sheet')}
            </a>
          </>
        }
      />
      {a.group_id !== null ? (
        <p>
          <Link to={`/activities/groups/${a.group_id}`}>{t('activities.groups.openGroup')}</Link>
        </p>
      ) : null}
      <RollCall activity={a} />
      <section aria-labelledby="participants-progress">
        <h2 id="participants-progress">{t('activities.progress.title')}</h2>
        <ul>
          {a.participants.map((p) => (
            <li key={p.id}>
              <Link to={`/activities/people/${p.id}`}>{personLabel(p)}</Link>
            </li>
          ))}
        </ul>
      </section>
      <p>
        <Link to="/activities">{t('activities.back')}</Link>
      </p>
    </>
  );
}
