// Shows any failure: a heading in the reader's language chosen by the error code, the server's own
// message beneath it, and the request id that lets an administrator find the log line.
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import { isApiError } from '@/lib/api-error';
import { Alert } from './Alert';

type ErrorAlertProps = {
  error: unknown;
  /** Overrides the heading chosen from the error code. */
  title?: ReactNode;
  children?: ReactNode;
};

export function ErrorAlert({ error, title, children }: ErrorAlertProps) {
  const { t } = useTranslation();
  if (!isApiError(error)) {
    return (
      <Alert tone="error" title={title ?? t('errors.unexpected')}>
        {error instanceof Error ? <p>{error.message}</p> : null}
        {children}
      </Alert>
    );
  }
  const heading = title ?? t(`errors.code.${error.code}`, { defaultValue: t('errors.unexpected') });
  const showServerMessage = error.code !== 'network_error' && error.message !== '';
  return (
    <Alert tone="error" title={heading}>
      {showServerMessage ? <p className="alert__server-message">{error.message}</p> : null}
      {children}
      {error.requestId ? (
        <p className="alert__meta">{t('errors.requestId', { id: error.requestId })}</p>
      ) : null}
    </Alert>
  );
}
