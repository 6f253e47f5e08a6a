// The logged-in user's own password change: current, new (at least 12 characters), new again.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Field } from '@/components/ui/Field';
import { fieldErrorText } from '@/components/ui/field-error';
import { applyServerFieldErrors } from '@/lib/server-field-errors';
import { PASSWORD_MIN_LENGTH } from '@/types/user';
import type { FieldError as ServerFieldError } from '@/lib/api-error';
import { changePasswordInputSchema, useChangePassword, type ChangePasswordInput } from '../api/change-password';

const formFields = ['current_password', 'new_password', 'confirm_password'] as const;

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const mutation = useChangePassword();
  const [unplaced, setUnplaced] = useState<ServerFieldError[]>([]);
  const [done, setDone] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<ChangePasswordInput>({
    resolver: zodResolver(changePasswordInputSchema),
    defaultValues: { current_password: '', new_password: '', confirm_password: '' },
  });

  const onSubmit = handleSubmit((values) => {
    setDone(false);
    setUnplaced([]);
    mutation.mutate(values, {
      onSuccess: () => {
        reset();
        setDone(true);
      },
      onError: (error) => setUnplaced(applyServerFieldErrors(error, setError, formFields)),
    });
  });

  const hasPlacedServerErrors = mutation.isError && unplaced.length === 0;

  return (
    <form className="form form--narrow" onSubmit={onSubmit} noValidate>
      {done ? (
        <Alert tone="success" title={t('account.passwordChanged')}>
          <p>{t('account.passwordChangedHint')}</p>
        </Alert>
      ) : null}
      {mutation.isError && !hasPlacedServerErrors ? (
        <ErrorAlert error={mutation.error}>
          {unplaced.length > 0 ? (
            <ul>
              {unplaced.map((f) => (
                <li key={f.field}>
                  {f.field}: {f.message}
                </li>
              ))}
            </ul>
          ) : null}
        </ErrorAlert>
      ) : null}
      {hasPlacedServerErrors ? <Alert tone="error" title={t('form.fixFields')} /> : null}
      <Field label={t('account.currentPassword')} required error={fieldErrorText(errors.current_password, t)}>
        {(control) => (
          <input {...control} {...register('current_password')} className="input" type="password" autoComplete="current-password" />
        )}
      </Field>
      <Field
        label={t('account.newPassword')}
        required
        hint={t('account.passwordRule', { count: PASSWORD_MIN_LENGTH })}
        error={fieldErrorText(errors.new_password, t)}
      >
        {(control) => (
          <input {...control} {...register('new_password')} className="input" type="password" autoComplete="new-password" />
        )}
      </Field>
      <Field label={t('account.confirmPassword')} required error={fieldErrorText(errors.confirm_password, t)}>
        {(control) => (
          <input {...control} {...register('confirm_password')} className="input" type="password" autoComplete="new-password" />
        )}
      </Field>
      <div className="form__actions">
        <Button type="submit" busy={mutation.isPending}>
          {t('account.changePassword')}
        </Button>
      </div>
    </form>
  );
}
