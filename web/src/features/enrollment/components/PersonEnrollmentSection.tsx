// On a child's page: the child's enrollment cases (any school year) and a link to open a new one.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '@/lib/api-client';
import { enrollmentPageSchema } from '../api/get-enrollment-cases';
import { schoolYearLabel } from '../types';

export function PersonEnrollmentSection({ personId }: { personId: number }) {
  const { t } = useTranslation();
  const cases = useQuery({
    queryKey: ['enrollment', 'person', personId],
    queryFn: ({ signal }) => apiRequest('/enrollment-cases', enrollmentPageSchema, { query: { person_id: personId, page_size: 50 }, signal }),
  });
  return (
    <section className="section" aria-labelledby="person-enrollment-title">
      <h2 id="person-enrollment-title">{t('enrollment.person.title')}</h2>
      {cases.data && cases.data.items.length > 0 ? (
        <ul className="plain-list">
          {cases.data.items.map((c) => (
            <li key={c.id}>
              <Link to={`/enrollment/${c.id}`}>
                {t(`enrollment.level.${c.level}`)} · {schoolYearLabel(c.school_year)}
              </Link>{' '}
              — {t(`enrollment.stage.${c.stage}`)}
            </li>
          ))}
        </ul>
      ) : cases.isSuccess ? (
        <p className="muted">{t('enrollment.person.none')}</p>
      ) : null}
      <Link to={`/enrollment/new?person=${personId}`} className="btn btn--secondary">
        {t('enrollment.person.open')}
      </Link>
    </section>
  );
}
