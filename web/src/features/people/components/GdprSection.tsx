// For coordinators (and the admin as data-protection officer): what is held about the person, as JSON or a
// printable page, and anonymisation (refused with the server's reason while a retention hold applies).
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { ConfirmPanel } from '@/components/ui/ConfirmPanel';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { isApiError } from '@/lib/api-error';
import { exportHtmlUrl, exportJsonUrl, useAnonymisePerson } from '../api/gdpr';
import type { Person } from '../types';
import { LegalHoldPanel } from './LegalHold';

export function GdprSection({ person, showAudit }: { person: Person; showAudit: boolean }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState(false);
  const mutation = useAnonymisePerson(person.id);
  const held = isApiError(mutation.error) && mutation.error.code === 'conflict';
  return (
    <section className="panel" aria-labelledby={`gdpr-${person.id}`}>
      <h2 id={`gdpr-${person.id}`}>{t('people.gdpr.title')}</h2>
      <h3>{t('people.gdpr.exportTitle')}</h3>
      <p>{t('people.gdpr.exportContains')}</p>
      <p className="small muted">{t('people.gdpr.exportAudited')}</p>
      <ul className="link-list">
        <li>
          <a href={exportHtmlUrl(person.id)} target="_blank" rel="noopener">
            {t('people.gdpr.exportHtml')}
          </a>
        </li>
        <li>
          <a href={exportJsonUrl(person.id)} download={`kredo-osoba-${person.id}.json`}>
            {t('people.gdpr.exportJson')}
          </a>
        </li>
      </ul>
      {showAudit ? (
        <p>
          <Link to={`/admin/audit?entity=person&entity_id=${person.id}`}>{t('people.gdpr.auditLink')}</Link>
        </p>
      ) : null}
      <LegalHoldPanel target={{ kind: 'person', id: person.id }} version={person.version} held={person.legal_hold} />
      <h3>{t('registryExtra.merge.sectionTitle')}</h3>
      <p>{t('registryExtra.merge.sectionExplain')}</p>
      <ul className="link-list">
        <li>
          <Link to={`/people/${person.id}/merge`}>{t('registryExtra.merge.start')}</Link>
        </li>
        <li>
          <Link to="/people/merges">{t('registryExtra.merge.recentLink')}</Link>
        </li>
      </ul>
      <h3>{t('people.gdpr.anonymiseTitle')}</h3>
      <p>{t('people.gdpr.anonymiseExplain')}</p>
      {done ? <Alert tone="success" title={t('people.gdpr.anonymised')} /> : null}
      {held ? (
        <ErrorAlert error={mutation.error} title={t('people.gdpr.heldTitle')}>
          <p>{t('people.gdpr.heldBody')}</p>
        </ErrorAlert>
      ) : null}
      {mutation.isError && !held ? <ErrorAlert error={mutation.error} /> : null}
      {confirming ? (
        <ConfirmPanel
          title={t('people.gdpr.confirmTitle', { name: `${person.given_names} ${person.surname}` })}
          confirmLabel={t('people.gdpr.confirm')}
          cancelLabel={t('common.cancel')}
          busy={mutation.isPending}
          danger
          onCancel={() => setConfirming(false)}
          onConfirm={() =>
            mutation.mutate(undefined, {
              onSuccess: () => setDone(true),
              onSettled: () => setConfirming(false),
            })
          }
        >
          <p>{t('people.gdpr.confirmBody')}</p>
        </ConfirmPanel>
      ) : (
        !done && (
          <Button
            variant="danger"
            onClick={() => {
              mutation.reset();
              setConfirming(true);
            }}
          >
            {t('people.gdpr.anonymise')}
          </Button>
        )
      )}
    </section>
  );
}
