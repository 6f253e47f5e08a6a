// Account › second factor: set up an authenticator app (secret and otpauth URI shown as text,
// confirmed with a first code), recovery codes shown once, turning it off with a code, new
// recovery codes; for administrators, the setting that makes it compulsory for staff.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { useMe } from '@/features/auth/api/get-me';
import {
  useBeginEnrolment,
  useConfirmEnrolment,
  useDisableTotp,
  useRegenerateRecoveryCodes,
  useSecuritySettings,
  useSetSecuritySettings,
  useTotpStatus,
  type TotpEnrolment,
} from '../api/totp';
import { CodeForm } from '../components/CodeForm';

function groups(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim();
}

function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="recovery-codes-title">
      <h2 id="recovery-codes-title">{t('security.recoveryCodesTitle')}</h2>
      <Alert tone="warning" title={t('security.recoveryCodesOnce')}>
        <p>{t('security.recoveryCodesHint')}</p>
      </Alert>
      <ol className="recovery-codes" aria-label={t('security.recoveryCodesTitle')}>
        {codes.map((c) => (
          <li key={c}>
            <code>{c}</code>
          </li>
        ))}
      </ol>
      <Button onClick={onDone}>{t('security.recoveryCodesSaved')}</Button>
    </section>
  );
}

function Enrolment({ enrolment, onConfirmed }: { enrolment: TotpEnrolment; onConfirmed: (codes: string[]) => void }) {
  const { t } = useTranslation();
  const confirm = useConfirmEnrolment();
  return (
    <section className="card" aria-labelledby="enrol-title">
      <h2 id="enrol-title">{t('security.enrolTitle')}</h2>
      <ol>
        <li>{t('security.enrolStep1')}</li>
        <li>
          {t('security.enrolStep2')}
          <dl>
            <dt>{t('security.secret')}</dt>
            <dd>
              <code data-testid="totp-secret">{groups(enrolment.secret)}</code>
            </dd>
            <dt>{t('security.uri')}</dt>
            <dd>
              <code className="wrap-anywhere">{enrolment.otpauth_uri}</code>
            </dd>
          </dl>
        </li>
        <li>{t('security.enrolStep3')}</li>
      </ol>
      <CodeForm
        label={t('security.code')}
        submit={t('security.confirm')}
        busy={confirm.isPending}
        error={confirm.error}
        onSubmit={(values, done) =>
          confirm.mutate(values, {
            onSuccess: (r) => {
              done();
              onConfirmed(r.recovery_codes);
            },
          })
        }
      />
    </section>
  );
}

function StaffSetting() {
  const { t } = useTranslation();
  const settings = useSecuritySettings(true);
  const save = useSetSecuritySettings();
  if (!settings.data) return null;
  const on = settings.data.require_totp_for_staff;
  return (
    <section className="card" aria-labelledby="staff-setting-title">
      <h2 id="staff-setting-title">{t('security.staffSettingTitle')}</h2>
      <p>{on ? t('security.staffSettingOn') : t('security.staffSettingOff')}</p>
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      <Button variant="secondary" busy={save.isPending} onClick={() => save.mutate({ require_totp_for_staff: !on })}>
        {on ? t('security.staffSettingDisable') : t('security.staffSettingEnable')}
      </Button>
    </section>
  );
}

export function AccountSecurityRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const status = useTotpStatus();
  const begin = useBeginEnrolment();
  const disable = useDisableTotp();
  const regenerate = useRegenerateRecoveryCodes();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [disabled, setDisabled] = useState(false);

  return (
    <>
      <PageHeader title={t('security.title')} lead={t('security.lead')} />
      {status.isPending ? <Loading /> : null}
      {status.isError ? <ErrorAlert error={status.error} /> : null}
      {codes ? <RecoveryCodes codes={codes} onDone={() => setCodes(null)} /> : null}
      {status.data && !codes ? (
        <>
          {status.data.required && !status.data.enabled ? (
            <Alert tone="warning" title={t('security.requiredTitle')}>
              <p>{t('security.requiredHint')}</p>
            </Alert>
          ) : null}
          {disabled ? <Alert tone="success" title={t('security.turnedOff')} /> : null}
          {status.data.enabled ? (
            <section className="card" aria-labelledby="totp-on-title">
              <h2 id="totp-on-title">{t('security.onTitle')}</h2>
              <p>{t('security.codesLeft', { count: status.data.recovery_codes_left })}</p>
              <h3>{t('security.newCodesTitle')}</h3>
              <CodeForm
                label={t('security.code')}
                submit={t('security.newCodes')}
                variant="secondary"
                busy={regenerate.isPending}
                error={regenerate.error}
                onSubmit={(values, done) =>
                  regenerate.mutate(values, {
                    onSuccess: (r) => {
                      done();
                      setCodes(r.recovery_codes);
                    },
                  })
                }
              />
              <h3>{t('security.turnOffTitle')}</h3>
              <CodeForm
                label={t('security.code')}
                submit={t('security.turnOff')}
                variant="danger"
                busy={disable.isPending}
                error={disable.error}
                onSubmit={(values, done) =>
                  disable.mutate(values, {
                    onSuccess: () => {
                      done();
                      setDisabled(true);
                      setEnrolment(null);
                    },
                  })
                }
              />
            </section>
          ) : enrolment ? (
            <Enrolment
              enrolment={enrolment}
              onConfirmed={(c) => {
                setEnrolment(null);
                setDisabled(false);
                setCodes(c);
              }}
            />
          ) : (
            <section className="card" aria-labelledby="totp-off-title">
              <h2 id="totp-off-title">{t('security.offTitle')}</h2>
              <p>{t('security.offHint')}</p>
              {begin.isError ? <ErrorAlert error={begin.error} /> : null}
              <Button busy={begin.isPending} onClick={() => begin.mutate(undefined, { onSuccess: setEnrolment })}>
                {t('security.setUp')}
              </Button>
            </section>
          )}
        </>
      ) : null}
      {me.data?.role === 'admin' && status.data && (!status.data.required || status.data.enabled) ? (
        <StaffSetting />
      ) : null}
    </>
  );
}
