// A person's consents with their state in words; give a new one; withdraw one (effective at once).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { ConfirmPanel } from '@/components/ui/ConfirmPanel';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Field } from '@/components/ui/Field';
import { formatIsoDate } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';
import { useWithdrawConsent } from '../api/consents';
import type { Consent, Person } from '../types';
import { ConsentForm } from './ConsentForm';
import { ConsentStatusBadge } from './ConsentStatusBadge';

export function ConsentsPanel({ person }: { person: Person }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <section className="panel" aria-labelledby={`consents-${person.id}`}>
      <h3 id={`consents-${person.id}`}>{t('people.consent.title')}</h3>
      {notice ? <Alert tone="success" title={notice} /> : null}
      {person.consents.length === 0 ? <p className="muted">{t('people.consent.none')}</p> : null}
      <ul className="plain-list record-list">
        {person.consents.map((c) => (
          <ConsentItem key={c.id} person={person} consent={c} onWithdrawn={() => setNotice(t('people.consent.withdrawn'))} />
        ))}
      </ul>
      {adding ? (
        <ConsentForm
          person={person}
          onDone={(saved) => {
            setAdding(false);
            if (saved) setNotice(t('people.consent.saved'));
          }}
        />
      ) : (
        <Button
          variant="secondary"
          onClick={() => {
            setNotice(null);
            setAdding(true);
          }}
        >
          {t('people.consent.add')}
        </Button>
      )}
    </section>
  );
}

function ConsentItem({ person, consent, onWithdrawn }: { person: Person; consent: Consent; onWithdrawn: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [confirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const mutation = useWithdrawConsent(person.id);
  const representative = person.relationships.find((r) => r.other_person_id === consent.representative_id);
  const purpose = t(`people.consent.purpose.${consent.purpose}`);
  return (
    <li className="record">
      <p className="record__title">
        <strong>{purpose}</strong>
        {consent.school ? ` — ${consent.school}` : null} <ConsentStatusBadge status={consent.status} />
      </p>
      <p className="small">
        {t('people.consent.givenOnText', { date: formatIsoDate(consent.given_on, lang) })}
        {' · '}
        {consent.given_by === 'self'
          ? t('people.consent.givenBy.self')
          : t('people.consent.byRepresentative', { name: representative?.other_name ?? t('people.consent.givenBy.legal_representative') })}
        {' · '}
        {t(`people.consent.form.${consent.form}`)}
        {' · '}
        {consent.expires_on
          ? t('people.consent.expiresText', { date: formatIsoDate(consent.expires_on, lang) })
          : t('people.consent.noExpiry')}
        {consent.withdrawn_on ? ` · ${t('people.consent.withdrawnText', { date: formatIsoDate(consent.withdrawn_on, lang) })}` : null}
      </p>
      {consent.status === 'valid' && !confirming ? (
        <Button variant="secondary" className="btn--small" onClick={() => setConfirming(true)}>
          {t('people.consent.withdraw')}
          <span className="visually-hidden"> {purpose}</span>
        </Button>
      ) : null}
      {confirming ? (
        <ConfirmPanel
          title={t('people.consent.withdrawTitle', { purpose })}
          confirmLabel={t('people.consent.withdrawConfirm')}
          cancelLabel={t('common.cancel')}
          busy={mutation.isPending}
          danger
          onCancel={() => {
            setConfirming(false);
            mutation.reset();
          }}
          onConfirm={() =>
            mutation.mutate(
              { id: consent.id, reason },
              {
                onSuccess: () => {
                  setConfirming(false);
                  onWithdrawn();
                },
              },
            )
          }
        >
          <p>{t('people.consent.withdrawBody')}</p>
          {consent.purpose === 'special_category' ? <p>{t('people.consent.withdrawSpecialBody')}</p> : null}
          {mutation.isError ? <ErrorAlert error={mutation.error} /> : null}
          <Field label={t('people.consent.withdrawReason')}>
            {(control) => <input {...control} className="input" value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
        </ConfirmPanel>
      ) : null}
    </li>
  );
}
