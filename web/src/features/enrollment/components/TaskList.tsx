// Tasks with their due date, the child and a done / reopen button. Overdue tasks say so in words.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { todayIso } from '@/lib/dates';
import { formatIsoDate } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';
import { useUpdateTask } from '../api/update-task';
import type { Task } from '../types';

export function TaskList({ tasks, label }: { tasks: readonly Task[]; label: string }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const update = useUpdateTask();
  const today = todayIso();
  return (
    <>
      {update.error ? <ErrorAlert error={update.error} /> : null}
      <ul className="task-list" aria-label={label}>
        {tasks.map((task) => {
          const overdue = task.status === 'open' && task.due_date < today;
          return (
            <li
              key={task.id}
              className={['task', overdue ? 'task--overdue' : null, task.status === 'done' ? 'task--done' : null].filter(Boolean).join(' ')}
            >
              <div>
                <div className="task__title">
                  <strong>{formatIsoDate(task.due_date, lang)}</strong> — {t(`enrollment.task.${task.kind}`)}
                  {overdue ? <span className="badge badge--danger"> {t('enrollment.today.overdueBadge')}</span> : null}
                  {task.status === 'done' ? <span className="badge badge--ok"> {t('enrollment.today.doneBadge')}</span> : null}
                </div>
                <Link to={`/enrollment/${task.case_id}`} className="small">
                  {task.child.name}
                </Link>
              </div>
              <Button
                variant="secondary"
                className="btn--small"
                busy={update.isPending && update.variables?.task.id === task.id}
                onClick={() => update.mutate({ task, status: task.status === 'open' ? 'done' : 'open' })}
              >
                {task.status === 'open' ? t('enrollment.today.markDone') : t('enrollment.today.reopen')}
              </Button>
            </li>
          );
        })}
      </ul>
    </>
  );
}
