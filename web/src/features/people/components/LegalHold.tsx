// The legal-hold flag: a badge wherever the record is shown, and a coordinator's switch in the GDPR panel
// of a person and on the family's edit page. A stale version (409) reloads the record and says so.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { isApiError } from '@/lib/api-error';
import { useSetLegalHold, type LegalHoldTarget } from '../api/legal-hold';

export function LegalHoldBadge({ held }: { held: boolean | undefined }) {
  const { t } = useTranslation();
  if (!held) return null;
  return (
    <span className="badge badge--warn">
      <span aria-hidden="true">⚖ </span>
      {t('registryExtra.legalHold.badge')}
    </span>
  );
}

type LegalHoldPanelProps = {
  target: LegalHoldTarget;
  version: number;
  held: boolean | undefined;
  headingLevel?: 2 | 3;
};

export function LegalHoldPanel({ target, version, held, headingLevel = 3 }: LegalHoldPanelProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const mutation = useSetLegalHold(target);
  const [saved, setSaved] = useState<boolean | null>(null);
  // A server that does not know the flag answers 200 and ignores it: say so instead of claiming success.
  const [ignored, setIgnored] = useState(false);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const isOn = held === true;
  const error = mutation.error;
  const conflict = isApiError(error) && error.code === 'conflict';
  const fieldMessage = isApiError(error) ? error.fieldMessage('legal_hold') : undefined;
  const who = target.kind === 'person' ? 'person' : 'family';
  return (
    <div className="legal-hold" role="group" aria-labelledby={headingId}>
      <Heading id={headingId}>{t('registryExtra.legalHold.title')}</Heading>
      <p>{t(`registryExtra.legalHold.explain.${who}`)}</p>
      <p className="legal-hold__state" aria-live="polite">
        <strong>{isOn ? t(`registryExtra.legalHold.on.${who}`) : t(`registryExtra.legalHold.off.${who}`)}</strong>
      </p>
      {ignored ? (
        <Alert tone="warning" title={t('registryExtra.legalHold.ignoredTitle')}>
          <p>{t('registryExtra.legalHold.ignoredBody')}</p>
        </Alert>
      ) : null}
      {saved !== null && !mutation.isError && !ignored ? (
        <Alert tone="success" title={saved ? t('registryExtra.legalHold.setDone') : t('registryExtra.legalHold.clearDone')} />
      ) : null}
      {conflict ? (
        <Alert tone="warning" title={t('registryExtra.legalHold.conflictTitle')}>
          <p>{t('registryExtra.legalHold.conflictBody')}</p>
        </Alert>
      ) : null}
      {mutation.isError && !conflict ? (
        <ErrorAlert error={error}>{fieldMessage ? <p>{fieldMessage}</p> : null}</ErrorAlert>
      ) : null}
      <Button
        variant="secondary"
        busy={mutation.isPending}
        onClick={() => {
          setSaved(null);
          setIgnored(false);
          const wanted = !isOn;
          mutation.mutate(
            { version, legalHold: wanted },
            {
              onSuccess: (record) => {
                if (record.legal_hold === wanted) setSaved(wanted);
                else setIgnored(true);
              },
            },
          );
        }}
      >
        {isOn ? t('registryExtra.legalHold.clear') : t('registryExtra.legalHold.set')}
      </Button>
    </div>
  );
}
