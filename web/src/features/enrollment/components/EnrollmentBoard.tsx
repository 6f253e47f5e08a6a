// The board: a school year's cases grouped by stage. Wide screens show the groups as columns,
// a phone shows them one under another (the same markup, a list grouped by stage).
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatIsoDate } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';
import { enrollmentStages, type EnrollmentListItem } from '../types';
import '../enrollment.css';

export function EnrollmentBoard({ items }: { items: readonly EnrollmentListItem[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <div className="enrollment-board">
      {enrollmentStages.map((stage) => {
        const cases = items.filter((c) => c.stage === stage);
        const headingId = `board-${stage}`;
        return (
          <section key={stage} className="enrollment-board__column" aria-labelledby={headingId}>
            <h2 id={headingId}>
              {t(`enrollment.stage.${stage}`)} <span className="muted">({cases.length})</span>
            </h2>
            {cases.length === 0 ? (
              <p className="muted small">{t('enrollment.board.emptyStage')}</p>
            ) : (
              <ul className="enrollment-board__cards">
                {cases.map((c) => (
                  <li key={c.id} className={['enrollment-card', c.appeal_late ? 'enrollment-card--late' : null].filter(Boolean).join(' ')}>
                    <Link to={`/enrollment/${c.id}`} className="enrollment-card__name">
                      {c.child.given_names} {c.child.surname}
                    </Link>
                    <div className="small">
                      {t(`enrollment.level.${c.level}`)}
                      {c.first_target ? ` · ${c.first_target.name}` : ''}
                    </div>
                    {c.decision ? <div className="small">{t(`enrollment.decision.${c.decision}`)}</div> : null}
                    {c.appeal_deadline ? (
                      <div className="small">
                        {t('enrollment.board.appealDeadline', { date: formatIsoDate(c.appeal_deadline, lang) })}
                        {c.appeal_late ? <span className="badge badge--danger"> {t('enrollment.appeal.late')}</span> : null}
                      </div>
                    ) : null}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
