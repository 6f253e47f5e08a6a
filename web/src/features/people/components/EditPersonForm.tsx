// Edit a person. Only changed fields go, with the version the form started from; a stale edit (409)
// shows my version next to the one stored now (from the error's "current") and lets the worker choose.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { FormErrorSummary } from '@/components/ui/FormErrorSummary';
import { VersionConflict, type ConflictRow } from '@/components/ui/VersionConflict';
import { isApiError, type FieldError as ServerFieldError } from '@/lib/api-error';
import { formatIsoDate } from '@/lib/format';
import { applyServerFieldErrors } from '@/lib/server-field-errors';
import { useLanguage } from '@/lib/use-language';
import { currentPerson, useUpdatePerson } from '../api/update-person';
import {
  buildPersonPatch,
  mergePersonEdits,
  personFormFields,
  personFormSchema,
  valuesFromPerson,
  type PersonFormValues,
} from '../lib/person-form';
import type { Person } from '../types';
import { PersonFields } from './PersonFields';

const aliases = { 'contact.phones': 'phones', 'contact.email': 'email', 'contact.preferred_language': 'preferred_language' } as const;

type EditPersonFormProps = { person: Person; onSaved: (person: Person) => void; onCancel: () => void };

export function EditPersonForm({ person, onSaved, onCancel }: EditPersonFormProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const mutation = useUpdatePerson();
  const [base, setBase] = useState<Person>(person);
  const [initial] = useState(() => valuesFromPerson(person));
  const [conflict, setConflict] = useState<Person | null>(null);
  const [unplaced, setUnplaced] = useState<ServerFieldError[]>([]);
  const [unchanged, setUnchanged] = useState(false);
  const {
    register,
    handleSubmit,
    setError,
    reset,
    getValues,
    watch,
    formState: { errors },
  } = useForm<PersonFormValues>({ resolver: zodResolver(personFormSchema), defaultValues: initial });

  const save = (against: Person, values: PersonFormValues) => {
    const patch = buildPersonPatch(against, values);
    setUnplaced([]);
    setUnchanged(false);
    if (Object.keys(patch).length === 1) {
      mutation.reset();
      setConflict(null);
      setUnchanged(true);
      return;
    }
    mutation.mutate(
      { id: person.id, patch },
      {
        onSuccess: (saved) => {
          setConflict(null);
          onSaved(saved);
        },
        onError: (error) => {
          if (isApiError(error) && error.code === 'conflict') {
            setConflict(currentPerson(error) ?? null);
            return;
          }
          setUnplaced(applyServerFieldErrors(error, setError, personFormFields, aliases));
        },
      },
    );
  };

  const onSubmit = handleSubmit((values) => save(base, values));
  const error = mutation.error;
  const isConflict = isApiError(error) && error.code === 'conflict';

  const rows = (mine: PersonFormValues, theirs: Person): ConflictRow[] => {
    const th = valuesFromPerson(theirs);
    const date = (v: string) => (v ? formatIsoDate(v, lang) : '');
    return [
      { label: t('people.givenNames'), mine: mine.given_names, theirs: th.given_names },
      { label: t('people.surname'), mine: mine.surname, theirs: th.surname },
      { label: t('people.preferredName'), mine: mine.preferred_name, theirs: th.preferred_name },
      { label: t('people.roleLabel'), mine: t(`people.role.${mine.role}`), theirs: t(`people.role.${th.role}`) },
      { label: t('people.birthDate'), mine: date(mine.birth_date), theirs: date(th.birth_date) },
      { label: t('people.genderLabel'), mine: t(`people.gender.${mine.gender}`), theirs: t(`people.gender.${th.gender}`) },
      { label: t('people.nationality'), mine: mine.nationality.toUpperCase(), theirs: th.nationality },
      { label: t('people.phones'), mine: mine.phones.split(/[\n,;]/).map((s) => s.trim()).filter(Boolean).join(', '), theirs: th.phones.split('\n').join(', ') },
      { label: t('people.email'), mine: mine.email, theirs: th.email },
    ];
  };

  return (
    <form className="form form--medium" onSubmit={onSubmit} noValidate>
      {unchanged ? <Alert tone="info" title={t('form.unchanged')} /> : null}
      {mutation.isError && isConflict ? (
        <ErrorAlert error={error} title={t('people.conflictTitle')}>
          <p>{t('conflict.body')}</p>
          {conflict ? (
            <VersionConflict
              rows={rows(mergePersonEdits(base, getValues(), conflict), conflict)}
              busy={mutation.isPending}
              onKeepMine={() => {
                const merged = mergePersonEdits(base, getValues(), conflict);
                setBase(conflict);
                reset(merged, { keepDefaultValues: true });
                save(conflict, merged);
              }}
              onTakeTheirs={() => {
                setBase(conflict);
                reset(valuesFromPerson(conflict));
                setConflict(null);
                mutation.reset();
              }}
            />
          ) : (
            <p>{t('conflict.reload')}</p>
          )}
        </ErrorAlert>
      ) : null}
      {mutation.isError && !isConflict ? <FormErrorSummary error={error} unplaced={unplaced} /> : null}
      <PersonFields register={register} errors={errors} initial={initial} role={watch('role')} storedRodneCislo={base.rodne_cislo} />
      <div className="form__actions">
        <Button type="submit" busy={mutation.isPending && !conflict}>
          {t('common.save')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
