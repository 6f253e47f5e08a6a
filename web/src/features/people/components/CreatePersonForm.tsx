// A new member of a family. Field errors (client rules and the server's 422) sit at their fields and
// nothing typed is lost; a likely duplicate (409) shows the matches and lets the worker save anyway.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { FormErrorSummary } from '@/components/ui/FormErrorSummary';
import { isApiError, type FieldError as ServerFieldError } from '@/lib/api-error';
import { applyServerFieldErrors } from '@/lib/server-field-errors';
import { duplicateCandidates, useCreatePerson, type DuplicateCandidate } from '../api/create-person';
import { emptyPersonForm, personFormFields, personFormSchema, toCreateBody, type PersonFormValues } from '../lib/person-form';
import type { Person } from '../types';
import { DuplicateCandidates } from './DuplicateCandidates';
import { PersonFields } from './PersonFields';

const aliases = { 'contact.phones': 'phones', 'contact.email': 'email', 'contact.preferred_language': 'preferred_language' } as const;

type CreatePersonFormProps = { familyId: number; onCreated: (person: Person) => void; onCancel: () => void };

export function CreatePersonForm({ familyId, onCreated, onCancel }: CreatePersonFormProps) {
  const { t } = useTranslation();
  const mutation = useCreatePerson();
  const [unplaced, setUnplaced] = useState<ServerFieldError[]>([]);
  const [duplicates, setDuplicates] = useState<DuplicateCandidate[] | null>(null);
  const {
    register,
    handleSubmit,
    setError,
    watch,
    getValues,
    formState: { errors },
  } = useForm<PersonFormValues>({ resolver: zodResolver(personFormSchema), defaultValues: emptyPersonForm });

  const send = (values: PersonFormValues, confirm: boolean) => {
    setUnplaced([]);
    mutation.mutate(toCreateBody(familyId, values, confirm), {
      onSuccess: onCreated,
      onError: (error) => {
        const candidates = isApiError(error) ? duplicateCandidates(error) : undefined;
        if (isApiError(error) && error.code === 'conflict') {
          setDuplicates(candidates ?? []);
          return;
        }
        setDuplicates(null);
        setUnplaced(applyServerFieldErrors(error, setError, personFormFields, aliases));
      },
    });
  };

  const onSubmit = handleSubmit((values) => send(values, false));
  const isDuplicate = duplicates !== null && isApiError(mutation.error) && mutation.error.code === 'conflict';

  return (
    <form className="form form--medium" onSubmit={onSubmit} noValidate>
      {isDuplicate ? (
        <DuplicateCandidates candidates={duplicates} busy={mutation.isPending} onSaveAnyway={() => void handleSubmit((v) => send(v, true))()} />
      ) : (
        <FormErrorSummary error={mutation.error} unplaced={unplaced} />
      )}
      <PersonFields register={register} errors={errors} initial={getValues()} role={watch('role')} />
      <div className="form__actions">
        <Button type="submit" busy={mutation.isPending}>
          {t('people.createSubmit')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
