// A record that could not be loaded: "not found" (also what the server says for records outside one's
// scope) as a calm empty state with a way back; anything else as an error with a retry.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '@/lib/api-error';
import { Button } from './Button';
import { EmptyState } from './EmptyState';
import { ErrorAlert } from './ErrorAlert';

type QueryErrorProps = {
  error: unknown;
  notFoundTitle: string;
  notFoundBody: string;
  back: ReactNode;
  onRetry: () => void;
};

export function QueryError({ error, notFoundTitle, notFoundBody, back, onRetry }: QueryErrorProps) {
  const { t } = useTranslation();
  if (isApiError(error) && error.code === 'not_found') {
    return (
      <EmptyState title={notFoundTitle} action={back}>
        <p>{notFoundBody}</p>
      </EmptyState>
    );
  }
  return (
    <ErrorAlert error={error}>
      <Button variant="secondary" onClick={onRetry}>
        {t('common.retry')}
      </Button>
    </ErrorAlert>
  );
}
