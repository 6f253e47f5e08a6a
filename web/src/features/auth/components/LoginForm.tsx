// Username and password. A refusal shows the server's words; a lock-out says to wait.
// A user with a second factor then gives the code (features/security SecondFactorForm).
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Field } from '@/components/ui/Field';
import { fieldErrorText } from '@/components/ui/field-error';
import { isApiError } from '@/lib/api-error';
import { SecondFactorForm } from '@/features/security/components/SecondFactorForm';
import type { User } from '@/types/user';
import { loginInputSchema, useLogin, type LoginInput } from '../api/login';

export function LoginForm({ onSuccess }: { onSuccess: (user: User) => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const [challenge, setChallenge] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    resetField,
    setFocus,
    formState: { errors },
  } = useForm<LoginInput>({
    resolver: zodResolver(loginInputSchema),
    defaultValues: { username: '', password: '' },
  });

  const onSubmit = handleSubmit((values) => {
    login.mutate(values, {
      onSuccess: (outcome) => {
        if (outcome.kind === 'session') onSuccess(outcome.user);
        else setChallenge(outcome.challenge);
      },
      onError: () => {
        resetField('password');
        setFocus('password');
      },
    });
  });

  if (challenge) {
    return (
      <SecondFactorForm
        challenge={challenge}
        onSuccess={onSuccess}
        onRestart={() => {
          setChallenge(null);
          login.reset();
          resetField('password');
        }}
      />
    );
  }

  return (
    <form className="form login-form" onSubmit={onSubmit} noValidate>
      {login.isError ? <LoginError error={login.error} /> : null}
      <Field label={t('auth.username')} error={fieldErrorText(errors.username, t)}>
        {(control) => (
          <input
            {...control}
            {...register('username')}
            className="input"
            type="text"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
          />
        )}
      </Field>
      <Field label={t('auth.password')} error={fieldErrorText(errors.password, t)}>
        {(control) => (
          <input {...control} {...register('password')} className="input" type="password" autoComplete="current-password" />
        )}
      </Field>
      <Button type="submit" busy={login.isPending} className="btn--block">
        {login.isPending ? t('auth.loggingIn') : t('auth.login')}
      </Button>
    </form>
  );
}

function LoginError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (isApiError(error) && error.code === 'unauthenticated') {
    return (
      <ErrorAlert error={error} title={t('auth.loginFailed')}>
        <p>{t('auth.loginFailedHint')}</p>
      </ErrorAlert>
    );
  }
  if (isApiError(error) && error.code === 'rate_limited') {
    const minutes = error.retryAfterSeconds ? Math.max(1, Math.ceil(error.retryAfterSeconds / 60)) : null;
    return (
      <ErrorAlert error={error} title={t('auth.lockedOut')}>
        <p>{minutes ? t('auth.lockedOutRetry', { count: minutes }) : t('auth.lockedOutHint')}</p>
      </ErrorAlert>
    );
  }
  return <ErrorAlert error={error} />;
}
