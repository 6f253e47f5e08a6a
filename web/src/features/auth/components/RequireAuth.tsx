// Lets a page render only for a logged-in user; otherwise sends the visitor to the login page
// and remembers where they wanted to go.
import type { ReactElement } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Loading } from '@/components/ui/Loading';
import { TotpGate } from '@/features/security/components/TotpGate';
import type { User } from '@/types/user';
import { useMe } from '../api/get-me';

export type LoginRedirectState = { from?: string; loggedOut?: boolean };

export function RequireAuth({ children }: { children: (user: User) => ReactElement }) {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();

  if (me.isPending) {
    return (
      <div className="page-center">
        <Loading />
      </div>
    );
  }
  if (me.isError) {
    return (
      <div className="page-center">
        <ErrorAlert error={me.error} title={t('auth.sessionCheckFailed')}>
          <Button variant="secondary" onClick={() => void me.refetch()}>
            {t('common.retry')}
          </Button>
        </ErrorAlert>
      </div>
    );
  }
  if (me.data === null) {
    const state: LoginRedirectState = { from: `${location.pathname}${location.search}` };
    return <Navigate to="/login" replace state={state} />;
  }
  return <TotpGate user={me.data}>{children(me.data)}</TotpGate>;
}
