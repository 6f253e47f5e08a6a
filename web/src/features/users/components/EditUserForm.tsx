// Change a user's role, team or whether they may log in, or reset their password.
// The version the form started from goes with the change; if someone saved in between (409),
// both versions are shown side by side and the admin chooses which one stays.
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
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
import { useTeams } from '../api/get-teams';
import { usersQueryOptions } from '../api/get-users';
import { buildUserPatch, editUserInputSchema, mergeEdits, useUpdateUser, type EditUserInput } from '../api/update-user';
import { ConflictChoice } from './ConflictChoice';
import { RoleOptions, TeamOptions } from './role-options';

const formFields = ['role', 'team', 'active', 'password'] as const;

export function valuesFromUser(user: User): EditUserInput {
  return { role: user.role, team: user.team ?? '', active: user.active, password: '' };
}

type Outcome = { kind: 'saved' } | { kind: 'unchanged' } | null;

export function EditUserForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const teams = useTeams();
  const mutation = useUpdateUser();
  // The server state this form's edits are based on; its version goes with the PATCH.
  const [base, setBase] = useState<User>(user);
  // Selects also get their first value from the DOM (defaultValue), so they never open on option one
  // in engines where the form library cannot tell a fresh select from an edited one.
  const [initial] = useState(() => valuesFromUser(user));
  const [conflict, setConflict] = useState<User | null>(null);
  const [unplaced, setUnplaced] = useState<ServerFieldError[]>([]);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    getValues,
    formState: { errors },
  } = useForm<EditUserInput>({
    resolver: zodResolver(editUserInputSchema),
    defaultValues: initial,
  });

  const save = (against: User, values: EditUserInput) => {
    const patch = buildUserPatch(against, values);
    setOutcome(null);
    setUnplaced([]);
    if (Object.keys(patch).length === 1) {
      setConflict(null);
      mutation.reset();
      setOutcome({ kind: 'unchanged' });
      return;
    }
    mutation.mutate(
      { id: user.id, patch },
      {
        onSuccess: (saved) => {
          setBase(saved);
          setConflict(null);
          reset(valuesFromUser(saved));
          setOutcome({ kind: 'saved' });
        },
        onError: async (error) => {
          if (isApiError(error) && error.code === 'conflict') {
            const list = await queryClient.fetchQuery({ ...usersQueryOptions, staleTime: 0 });
            setConflict(list.items.find((u) => u.id === user.id) ?? null);
            return;
          }
          setUnplaced(applyServerFieldErrors(error, setError, formFields));
        },
      },
    );
  };

  const onSubmit = handleSubmit((values) => save(base, values));

  const error = mutation.error;
  const isConflict = isApiError(error) && error.code === 'conflict';
  const onlyFieldErrors =
    isApiError(error) && error.code === 'validation_failed' && error.fields.length > 0 && unplaced.length === 0;

  return (
    <form className="form form--narrow" onSubmit={onSubmit} noValidate>
      {outcome?.kind === 'saved' ? <Alert tone="success" title={t('admin.users.saved')} /> : null}
      {outcome?.kind === 'unchanged' ? <Alert tone="info" title={t('admin.users.unchanged')} /> : null}
      {mutation.isError && isConflict ? (
        <ErrorAlert error={error} title={t('admin.users.conflictTitle')}>
          <p>{t('admin.users.conflictBody')}</p>
          {conflict ? (
            <ConflictChoice
              mine={mergeEdits(base, getValues(), conflict)}
              theirs={conflict}
              busy={mutation.isPending}
              onKeepMine={() => {
                const merged = mergeEdits(base, getValues(), conflict);
                setBase(conflict);
                reset(merged, { keepDefaultValues: true });
                save(conflict, merged);
              }}
              onTakeTheirs={() => {
                setBase(conflict);
                reset(valuesFromUser(conflict));
                setConflict(null);
                mutation.reset();
              }}
            />
          ) : null}
        </ErrorAlert>
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

      <Field label={t('admin.users.role')} error={fieldErrorText(errors.role, t)}>
        {(control) => (
          <select {...control} {...register('role')} className="input" defaultValue={initial.role}>
            <RoleOptions />
          </select>
        )}
      </Field>
      <Field label={t('admin.users.team')} error={fieldErrorText(errors.team, t)}>
        {(control) => (
          <select {...control} {...register('team')} className="input" defaultValue={initial.team}>
            <TeamOptions teams={teams.data ?? []} current={base.team} />
          </select>
        )}
      </Field>
      <div className={['field', 'field--checkbox', errors.active ? 'field--invalid' : null].filter(Boolean).join(' ')}>
        <input id={`active-${user.id}`} type="checkbox" className="checkbox" {...register('active')} aria-describedby={`active-${user.id}-hint`} />
        <label htmlFor={`active-${user.id}`} className="field__label">
          {t('admin.users.activeLabel')}
        </label>
        <p className="field__hint" id={`active-${user.id}-hint`}>
          {t('admin.users.activeHint')}
        </p>
        {errors.active ? (
          <p className="field__error">
            <span className="field__error-prefix">{t('form.errorPrefix')}</span> {fieldErrorText(errors.active, t)}
          </p>
        ) : null}
      </div>
      <fieldset className="fieldset">
        <legend>{t('admin.users.resetPassword')}</legend>
        <Field
          label={t('admin.users.newPassword')}
          hint={t('admin.users.newPasswordHint', { count: PASSWORD_MIN_LENGTH })}
          error={fieldErrorText(errors.password, t)}
        >
          {(control) => (
            <input {...control} {...register('password')} className="input" type="password" autoComplete="new-password" />
          )}
        </Field>
      </fieldset>
      <div className="form__actions">
        <Button type="submit" busy={mutation.isPending && !conflict}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}
