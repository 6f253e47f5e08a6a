// The front door: name of the app and the organisation, language switch, login form.
import { useEffect } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { HOME_PATH } from '@/app/places';
import { LanguageSwitch } from '@/components/LanguageSwitch';
import { Alert } from '@/components/ui/Alert';
import { ServerStatus } from '@/features/health/components/ServerStatus';
import { useMe } from '../api/get-me';
import { LoginForm } from '../components/LoginForm';
import type { LoginRedirectState } from '../components/RequireAuth';

function redirectTarget(state: unknown): string {
  const from = (state as LoginRedirectState | null)?.from;
  // Only paths inside this app: never an absolute URL someone slipped into the state.
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && from !== '/login'
    ? from
    : HOME_PATH;
}

export function LoginRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const state = location.state as LoginRedirectState | null;

  useEffect(() => {
    document.title = `${t('auth.loginTitle')} · ${t('app.name')}`;
  }, [t]);

  if (me.data) return <Navigate to={redirectTarget(location.state)} replace />;

  return (
    <div className="login-page">
      <div className="login-page__top">
        <LanguageSwitch />
      </div>
      <main className="login-card">
        <p className="login-card__brand">
          <span className="login-card__name">{t('app.name')}</span>
          <span className="login-card__org">{t('app.organisation')}</span>
        </p>
        <h1 className="login-card__title">{t('auth.loginTitle')}</h1>
        <p className="login-card__lead">{t('auth.loginLead')}</p>
        {state?.loggedOut ? <Alert tone="success" title={t('auth.loggedOut')} /> : null}
        <LoginForm onSuccess={() => void navigate(redirectTarget(location.state), { replace: true })} />
        <p className="login-card__help">{t('auth.forgotPassword')}</p>
      </main>
      <footer className="login-page__footer">
        <ServerStatus />
      </footer>
    </div>
  );
}
