// Dnes: the worker's day — overdue deadlines first (in red and in words), then this week's, and the
// calendar feed that puts them into the phone's calendar.
import { useTranslation } from 'react-i18next';
import { EmptyState } from '@/components/ui/EmptyState';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { QueryError } from '@/components/ui/QueryError';
import { useMe } from '@/features/auth/api/get-me';
import { useTasks, type TaskScope } from '../api/get-tasks';
import { CalendarFeedPanel } from '../components/CalendarFeedPanel';
import { TaskList } from '../components/TaskList';
import '../enrollment.css';

export function TodayRoute() {
  const { t } = useTranslation();
  const me = useMe();
  if (me.data?.role === 'analyst') {
    return (
      <>
        <PageHeader title={t('places.today.name')} lead={t('places.today.purpose')} />
        <EmptyState title={t('enrollment.today.analystTitle')}>
          <p>{t('enrollment.today.analystBody')}</p>
        </EmptyState>
      </>
    );
  }
  return (
    <>
      <PageHeader title={t('places.today.name')} lead={t('places.today.purpose')} />
      <TaskSection scope="overdue" title={t('enrollment.today.overdue')} empty={t('enrollment.today.noOverdue')} />
      <TaskSection scope="this_week" title={t('enrollment.today.thisWeek')} empty={t('enrollment.today.nothingThisWeek')} />
      <CalendarFeedPanel />
    </>
  );
}

function TaskSection({ scope, title, empty }: { scope: TaskScope; title: string; empty: string }) {
  const { t } = useTranslation();
  const tasks = useTasks(scope);
  const id = `tasks-${scope}`;
  return (
    <section className="section" aria-labelledby={id}>
      <h2 id={id}>
        {title}
        {tasks.data ? ` (${tasks.data.length})` : ''}
      </h2>
      {tasks.isPending ? <Loading /> : null}
      {tasks.isError ? (
        <QueryError error={tasks.error} notFoundTitle="" notFoundBody="" back={null} onRetry={() => void tasks.refetch()} />
      ) : null}
      {tasks.data && tasks.data.length === 0 ? <p className="muted">{empty}</p> : null}
      {tasks.data && tasks.data.length > 0 ? <TaskList tasks={tasks.data} label={title} /> : null}
      {scope === 'this_week' ? <p className="muted small">{t('enrollment.today.weekNote')}</p> : null}
    </section>
  );
}
