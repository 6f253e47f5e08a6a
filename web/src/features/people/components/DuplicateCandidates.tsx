// The server thinks this person may already be recorded (409): the likely matches with links to open
// them, and a way to say "this is a different person" and save anyway.
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { formatIsoDate } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';
import type { DuplicateCandidate } from '../api/create-person';

type DuplicateCandidatesProps = {
  candidates: readonly DuplicateCandidate[];
  busy: boolean;
  onSaveAnyway: () => void;
};

export function DuplicateCandidates({ candidates, busy, onSaveAnyway }: DuplicateCandidatesProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <Alert tone="warning" title={t('people.duplicate.title')}>
      {candidates.length > 0 ? (
        <>
          <p>{t('people.duplicate.body')}</p>
          <ul className="record-list">
            {candidates.map((c) => (
              <li key={c.id}>
                <strong>
                  {c.given_names} {c.surname}
                </strong>
                {', '}
                {t('people.bornOn', { date: formatIsoDate(c.birth_date, lang) })}
                {', '}
                {t('people.duplicate.inFamily', { family: c.family_name })}{' '}
                <Link to={`/people/${c.id}`}>
                  {t('people.duplicate.open')}
                  <span className="visually-hidden">
                    {' '}
                    {c.given_names} {c.surname}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t('people.duplicate.hidden')}</p>
      )}
      <div className="form__actions">
        <Button variant="secondary" busy={busy} onClick={onSaveAnyway}>
          {t('people.duplicate.saveAnyway')}
        </Button>
      </div>
    </Alert>
  );
}
