// The group's members: add people found by name, remove with one tap. Each change is saved at once
// (PATCH member_ids with the version); if someone else changed the group meanwhile, the current
// members are loaded and the worker is told to repeat the change.
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/Alert';
import { FormErrorSummary } from '@/components/ui/FormErrorSummary';
import { isApiError } from '@/lib/api-error';
import { groupKey, useSaveGroup } from '../api/groups';
import { groupSchema, personLabel, type ActivityPerson, type Group } from '../types';
import { indexedErrors } from './ActivityForm';
import { PersonPicker } from './PersonPicker';

export function GroupMembers({ group }: { group: Group }) {
  const { t } = useTranslation();
  const save = useSaveGroup(group.id);
  const queryClient = useQueryClient();
  const [attempt, setAttempt] = useState<ActivityPerson[]>([]);
  const change = (next: ActivityPerson[]) => {
    setAttempt(next);
    save.mutate(
      { version: group.version, member_ids: next.map((p) => p.id) },
      {
        onError: (error) => {
          if (isApiError(error) && error.code === 'conflict') {
            const current = error.detail('current', groupSchema);
            if (current) queryClient.setQueryData(groupKey(group.id), current);
          }
        },
      },
    );
  };
  const error = save.error;
  const isConflict = isApiError(error) && error.code === 'conflict';
  const memberErrors = indexedErrors(error, 'member_ids');
  const unplaced = isApiError(error) ? error.fields.filter((f) => !/^member_ids\[\d+\]$/.test(f.field)) : [];
  return (
    <section aria-labelledby="group-members-title">
      <h2 id="group-members-title">{t('activities.groups.membersTitle', { count: group.members.length })}</h2>
      {save.isSuccess ? <p aria-live="polite">{t('activities.groups.membersSaved')}</p> : null}
      {isConflict ? <Alert tone="error" title={t('activities.groups.membersConflict')} /> : null}
      {save.isError && !isConflict ? <FormErrorSummary error={error} unplaced={unplaced} /> : null}
      {save.isError && !isConflict
        ? [...memberErrors].map(([i, message]) => (
            <p key={i} className="field__error">
              <span className="field__error-prefix">{t('form.errorPrefix')}</span> {t('activities.groups.memberError', { name: attempt[i] ? personLabel(attempt[i]) : '?', message })}
            </p>
          ))
        : null}
      <PersonPicker legend={t('activities.groups.manageMembers')} chosen={group.members} onChange={change} busy={save.isPending} />
    </section>
  );
}
