// One group: schedule, members (add / remove), generate sessions for a period, its sessions and the
// month attendance sheet (PDF).
import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/Alert';
import { Field } from '@/components/ui/Field';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { QueryError } from '@/components/ui/QueryError';
import { todayIso } from '@/lib/dates';
import { formatDate } from '@/lib/format';
import { useIdParam } from '@/lib/use-id-param';
import { useLanguage } from '@/lib/use-language';
import { useActivityTypes } from '../api/activities';
import { groupSheetUrl, useGroup, useGroupSessions } from '../api/groups';
import { GenerateSessions } from '../components/GenerateSessions';
import { GroupMembers } from '../components/GroupMembers';
import '../activities.css';
import { localName } from '../types';
import { useScheduleText } from './GroupsRoute';

export function GroupRoute() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const location = useLocation();
  const id = useIdParam('groupId') ?? 0;
  const group = useGroup(id);
  const sessions = useGroupSessions(id);
  const types = useActivityTypes();
  const schedule = useScheduleText();
  const [month, setMonth] = useState(todayIso().slice(0, 7));
  if (group.isPending) return <Loading />;
  if (group.isError)
    return (
      <QueryError
        error={group.error}
        notFoundTitle={t('activities.groups.notFoundTitle')}
        notFoundBody={t('activities.groups.notFoundBody')}
        back={<Link to="/activities/groups">{t('activities.groups.back')}</Link>}
        onRetry={() => void group.refetch()}
      />
    );
  const g = group.data;
  const ty = types.data?.items.find((x) => x.code === g.type);
  const list = [...(sessions.data?.items ?? [])].sort((a, b) => a.date.localeCompare(b.date));
  const saved = (location.state as { saved?: boolean } | null)?.saved;
  return (
    <>
      <PageHeader
        title={g.name}
        lead={`${ty ? localName(ty, lang) : g.type} · ${schedule(g)}${g.place ? ` · ${g.place}` : ''}`}
        actions={
          <Link className="btn btn--secondary" to={`/activities/groups/${g.id}/edit`}>
            {t('activities.groups.editLink')}
          </Link>
        }
      />
      <div className="group-page">
        {saved ? <Alert tone="success" title={t('activities.groups.saved')} /> : null}
        <p>
          {t('activities.groups.valid', {
            from: formatDate(g.valid_from, lang),
            to: g.valid_to ? formatDate(g.valid_to, lang) : t('activities.groups.openEnded'),
          })}{' '}
          <Link to="/activities/groups">{t('activities.groups.back')}</Link>
        </p>
        <GroupMembers group={g} />
        <GenerateSessions groupId={g.id} />
        <section aria-labelledby="group-sessions-title">
          <h2 id="group-sessions-title">{t('activities.groups.sessionsTitle', { count: sessions.data?.total ?? 0 })}</h2>
          {sessions.isSuccess && list.length === 0 ? <p>{t('activities.groups.noSessions')}</p> : null}
          <ul className="activity-list">
            {list.map((a) => (
              <li key={a.id} className="activity-list__item">
                <Link to={`/activities/${a.id}`}>
                  {formatDate(a.date, lang)} {a.start}–{a.end}
                </Link>{' '}
                <span>
                  {a.attendance_recorded > 0 ? t('activities.groups.rollCallDone') : t('activities.groups.rollCallOpen')}
                </span>
              </li>
            ))}
          </ul>
          <div className="form__row group-sheet">
            <Field label={t('activities.groups.sheetMonth')}>
              {(c) => <input {...c} className="input" type="month" value={month} onChange={(e) => setMonth(e.target.value)} />}
            </Field>
            <a className="btn btn--secondary" href={groupSheetUrl(g.id, month)} target="_blank" rel="noreferrer">
              {t('activities.groups.sheet')}
            </a>
          </div>
        </section>
      </div>
    </>
  );
}
