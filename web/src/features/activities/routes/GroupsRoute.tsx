// Skupiny: every group in scope with its activity type, weekly schedule and member count.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { useLanguage } from '@/lib/use-language';
import { useActivityTypes } from '../api/activities';
import { useGroups } from '../api/groups';
import '../activities.css';
import { localName, type Group } from '../types';

export function useScheduleText() {
  const { t } = useTranslation();
  return (g: Pick<Group, 'weekday' | 'start' | 'end'>) =>
    t('activities.groups.scheduleText', { day: t(`activities.weekday.${g.weekday}`), start: g.start, end: g.end });
}

export function GroupsRoute() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const groups = useGroups();
  const types = useActivityTypes();
  const schedule = useScheduleText();
  const typeName = (code: string) => {
    const ty = types.data?.items.find((x) => x.code === code);
    return ty ? localName(ty, lang) : code;
  };
  const items = groups.data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('activities.groups.title')}
        lead={t('activities.groups.lead')}
        actions={
          <Link to="/activities/groups/new" className="btn btn--primary">
            {t('activities.groups.createLink')}
          </Link>
        }
      />
      <p>
        <Link to="/activities">{t('activities.back')}</Link>
      </p>
      {groups.isPending ? <Loading /> : null}
      {groups.isError ? (
        <ErrorAlert error={groups.error}>
          <Button variant="secondary" onClick={() => void groups.refetch()}>
            {t('common.retry')}
          </Button>
        </ErrorAlert>
      ) : null}
      {groups.isSuccess && items.length === 0 ? <p>{t('activities.groups.empty')}</p> : null}
      {items.length > 0 ? (
        <div className="table-scroll">
          <table className="table table--stack group-table">
            <caption className="visually-hidden">{t('activities.groups.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('activities.groups.name')}</th>
                <th scope="col">{t('activities.fields.type')}</th>
                <th scope="col">{t('activities.groups.schedule')}</th>
                <th scope="col">{t('activities.groups.memberCount')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((g) => (
                <tr key={g.id}>
                  <th scope="row">
                    <Link to={`/activities/groups/${g.id}`}>{g.name}</Link>
                  </th>
                  <td data-label={t('activities.fields.type')}>{typeName(g.type)}</td>
                  <td data-label={t('activities.groups.schedule')}>
                    {schedule(g)}
                    {g.place ? `, ${g.place}` : ''}
                  </td>
                  <td>{t('activities.groups.membersCount', { count: g.members.length })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
