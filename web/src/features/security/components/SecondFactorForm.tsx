// The login's second step: the six-digit code from the authenticator app, or a recovery code.
// A wrong code shows the server's words; an expired challenge or a lock-out sends back to step one.
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Field } from '@/components/ui/Field';
import { fieldErrorText } from '@/components/ui/field-error';
import { isApiError } from '@/lib/api-error';
import type { User } from '@/types/user';
import { codeInputSchema, useLoginSecondFactor, type CodeInput } from '../api/totp';

type Props = { challenge: string; onSuccess: (user: User) => void; onRestart: () => void };

export function SecondFactorForm({ challenge, onSuccess, onRestart }: Props) {
  const { t } = useTranslation();
  const mutation = useLoginSecondFactor();
  const {
    register,
    handleSubmit,
    resetField,
    setFocus,
    formState: { errors },
  } = useForm<CodeInput>({ resolver: zodResolver(codeInputSchema), defaultValues: { code: '' } });

  const onSubmit = handleSubmit((values) => {
    mutation.mutate(
      { challenge, code: values.code },
      {
        onSuccess,
        onError: () => {
          resetField('code');
          setFocus('code');
        },
      },
    );
  });

  // Without a field error the challenge itself is gone (expired, too many tries, locked).
  const challengeGone =
    isApiError(mutation.error) && (mutation.error.status === 429 || (mutation.error.status === 401 && mutation.error.fields.length === 0));

  return (
    <form className="form login-form" onSubmit={onSubmit} noValidate aria-labelledby="second-factor-title">
      <h2 id="second-factor-title" className="login-card__subtitle">
        {t('security.secondFactorTitle')}
      </h2>
      <p>{t('security.secondFactorLead')}</p>
      {mutation.isError ? (
        <ErrorAlert error={mutation.error} title={t('security.codeRejected')}>
          {challengeGone ? (
            <Button variant="secondary" onClick={onRestart}>
              {t('security.startAgain')}
            </Button>
          ) : null}
        </ErrorAlert>
      ) : null}
      <Field label={t('security.code')} hint={t('security.codeHint')} error={fieldErrorText(errors.code, t)}>
        {(control) => (
          <input
            {...control}
            {...register('code')}
            className="input"
            type="text"
            inputMode="text"
            autoComplete="one-time-code"
            autoCapitalize="none"
            spellCheck={false}
          />
        )}
      </Field>
      <Button type="submit" busy={mutation.isPending} className="btn--block">
        {t('security.verify')}
      </Button>
      <Button variant="secondary" className="btn--block" onClick={onRestart}>
        {t('security.backToPassword')}
      </Button>
    </form>
  );
}
