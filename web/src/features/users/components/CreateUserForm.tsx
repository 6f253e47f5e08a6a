// A new account: username, first password (at least 12 characters), role and team.
// Server field errors land next to their fields; a taken username is said at the username.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Field } from '@/components/ui/Field';
import { fieldErrorText } from '@/components/ui/field-error';
import { isApiError, type FieldError as ServerFieldError } from '@/lib/api-error';
import { applyServerFieldErrors } from '@/lib/server-field-errors';
import { PASSWORD_MIN_LENGTH, type User } from '@/types/user';
import { createUserInputSchema, useCreateUser, type CreateUserInput } from '../api/create-user';
import { useTeams } from '../api/get-teams';
import { RoleOptions, TeamOptions } from './role-options';

const formFields = ['username', 'password', 'role', 'team'] as const;
const createDefaults: CreateUserInput = { username: '', password: '', role: 'worker', team: '' };

export function CreateUserForm({ onCreated, onCancel }: { onCreated: (user: User) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const teams = useTeams();
  const mutation = useCreateUser();
  const [unplaced, setUnplaced] = useState<ServerFieldError[]>([]);
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<CreateUserInput>({
    resolver: zodResolver(createUserInputSchema),
    defaultValues: createDefaults,
  });

  const onSubmit = handleSubmit((values) => {
    setUnplaced([]);
    mutation.mutate(values, {
      onSuccess: onCreated,
      onError: (error) => {
        const rest = applyServerFieldErrors(error, setError, formFields);
        if (isApiError(error) && error.code === 'conflict' && error.fields.length === 0) {
          // An older server may name no field: a conflict on create can only be the username.
          setError('username', { type: 'conflict', message: 'admin.users.usernameTaken' }, { shouldFocus: true });
        }
        setUnplaced(rest);
      },
    });
  });

  const error = mutation.error;
  const isConflict = isApiError(error) && error.code === 'conflict';
  const onlyFieldErrors = isApiError(error) && error.code === 'validation_failed' && error.fields.length > 0 && unplaced.length === 0;

  return (
    <form className="form form--narrow" onSubmit={onSubmit} noValidate>
      {mutation.isError && isConflict ? (
        <ErrorAlert error={error} title={t('admin.users.usernameTakenTitle')} />
      ) : null}
      {mutation.isError && onlyFieldErrors ? <Alert tone="error" title={t('form.fixFields')} /> : null}
      {mutation.isError && !isConflict && !onlyFieldErrors ? (
        <ErrorAlert error={error}>
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

      <Field label={t('admin.users.username')} required error={fieldErrorText(errors.username, t)}>
        {(control) => (
          <input
            {...control}
            {...register('username')}
            className="input"
            type="text"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
          />
        )}
      </Field>
      <Field
        label={t('admin.users.initialPassword')}
        required
        hint={t('admin.users.initialPasswordHint', { count: PASSWORD_MIN_LENGTH })}
        error={fieldErrorText(errors.password, t)}
      >
        {(control) => (
          <input {...control} {...register('password')} className="input" type="password" autoComplete="new-password" />
        )}
      </Field>
      <Field label={t('admin.users.role')} required hint={t('admin.users.roleHint')} error={fieldErrorText(errors.role, t)}>
        {(control) => (
          <select {...control} {...register('role')} className="input" defaultValue={createDefaults.role}>
            <RoleOptions />
          </select>
        )}
      </Field>
      <Field
        label={t('admin.users.team')}
        hint={teams.isError ? t('admin.users.teamsFailed') : t('admin.users.teamHint')}
        error={fieldErrorText(errors.team, t)}
      >
        {(control) => (
          <select {...control} {...register('team')} className="input" defaultValue={createDefaults.team}>
            <TeamOptions teams={teams.data ?? []} />
          </select>
        )}
      </Field>
      <div className="form__actions">
        <Button type="submit" busy={mutation.isPending}>
          {t('admin.users.createSubmit')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
