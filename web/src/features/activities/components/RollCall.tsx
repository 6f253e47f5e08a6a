// Phone-first roll-call: one row per participant, one tap sets present / excused / absent and saves
// the whole list at once (PUT replaces it, so a resend after a dropped connection never double counts).
// Saves go one at a time: taps made while a save is on its way are sent together right after it, so
// an older list can never arrive after a newer one and undo a tap.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { useAttendance, useSaveAttendance } from '../api/attendance';
import '../activities.css';
import { attendanceStatuses, personLabel, type Activity, type AttendanceRecord, type AttendanceStatus } from '../types';

export function RollCall({ activity }: { activity: Activity }) {
  const { t } = useTranslation();
  const attendance = useAttendance(activity.id);
  const save = useSaveAttendance(activity.id);
  const [marks, setMarks] = useState<Record<number, AttendanceStatus>>({});
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    if (attendance.isSuccess && !loaded) {
      const next: Record<number, AttendanceStatus> = {};
      for (const r of attendance.data.records) next[r.person_id] = r.status;
      setMarks(next);
      setLoaded(true);
    }
  }, [attendance.isSuccess, attendance.data, loaded]);

  const records = (m: Record<number, AttendanceStatus>): AttendanceRecord[] =>
    activity.participants.filter((p) => m[p.id] !== undefined).map((p) => ({ person_id: p.id, status: m[p.id]! }));

  const inFlight = useRef(false);
  const queued = useRef<AttendanceRecord[] | null>(null);
  const [waiting, setWaiting] = useState(false);
  const send = (list: AttendanceRecord[]) => {
    if (inFlight.current) {
      queued.current = list;
      setWaiting(true);
      return;
    }
    inFlight.current = true;
    save.mutate(list, {
      onSettled: () => {
        inFlight.current = false;
        const next = queued.current;
        queued.current = null;
        setWaiting(next !== null);
        if (next) send(next);
      },
    });
  };

  const mark = (personId: number, status: AttendanceStatus) => {
    const next = { ...marks, [personId]: status };
    setMarks(next);
    send(records(next));
  };

  const present = Object.values(marks).filter((s) => s === 'present').length;
  return (
    <section className="roll-call" aria-labelledby="roll-call-title">
      <h2 id="roll-call-title">{t('activities.rollCall.title')}</h2>
      <p className="roll-call__summary" aria-live="polite">
        {t('activities.rollCall.summary', { count: present, total: activity.participants.length })}{' '}
        {save.isPending || waiting ? t('activities.rollCall.saving') : save.isSuccess ? t('activities.rollCall.saved') : null}
      </p>
      {save.isError ? (
        <Alert tone="error" title={t('activities.rollCall.failed')}>
          <Button variant="secondary" onClick={() => send(records(marks))}>
            {t('common.retry')}
          </Button>
        </Alert>
      ) : null}
      <ul className="roll-call__list">
        {activity.participants.map((p) => (
          <li key={p.id} className="roll-call__row">
            <span className="roll-call__name" id={`rc-${p.id}`}>
              {personLabel(p)}
            </span>
            <span className="roll-call__buttons" role="group" aria-labelledby={`rc-${p.id}`}>
              {attendanceStatuses.map((s) => (
                <button
                  key={s}
                  type="button"
                  className={['btn', marks[p.id] === s ? 'btn--primary' : 'btn--secondary', 'roll-call__button'].join(' ')}
                  aria-pressed={marks[p.id] === s}
                  onClick={() => mark(p.id, s)}
                >
                  {t(`activities.status.${s}`)}
                </button>
              ))}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
