// Edit a family: status (closing needs a reason), keyworker, team, address. The version the form
// started from goes with the change; on a stale edit (409) both versions are shown and the worker chooses.
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
import { applyServerFieldErrors } from '@/lib/server-field-errors';
import { districtName, type District } from '../api/get-districts';
import { useKeyworkerOptions } from '../api/get-keyworkers';
import { useUpdateFamily } from '../api/update-family';
import {
  buildFamilyPatch,
  familyFieldAliases,
  familyFormFields,
  familyFormSchema,
  mergeFamilyEdits,
  valuesFromFamily,
  type FamilyFormValues,
} from '../lib/family-form';
import { familySchema, type Family, type Keyworker } from '../types';
import { FamilyFields } from './FamilyFields';

type EditFamilyFormProps = {
  family: Family;
  districts: readonly District[];
  teams: readonly string[];
  onSaved: (family: Family) => void;
};

export function EditFamilyForm({ family, districts, teams, onSaved }: EditFamilyFormProps) {
  const { t } = useTranslation();
  const mutation = useUpdateFamily();
  const [base, setBase] = useState<Family>(family);
  const keyworkers = useKeyworkerOptions(family.keyworker);
  const [initial] = useState(() => valuesFromFamily(family));
  const [conflict, setConflict] = useState<Family | null>(null);
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
  } = useForm<FamilyFormValues>({ resolver: zodResolver(familyFormSchema), defaultValues: initial });

  const save = (against: Family, values: FamilyFormValues) => {
    const patch = buildFamilyPatch(against, values);
    setUnplaced([]);
    setUnchanged(false);
    if (Object.keys(patch).length === 1) {
      mutation.reset();
      setConflict(null);
      setUnchanged(true);
      return;
    }
    mutation.mutate(
      { id: family.id, patch },
      {
        onSuccess: (saved) => {
          setConflict(null);
          onSaved(saved);
        },
        onError: (error) => {
          if (isApiError(error) && error.code === 'conflict') {
            setConflict(error.detail('current', familySchema) ?? null);
            return;
          }
          setUnplaced(applyServerFieldErrors(error, setError, familyFormFields, familyFieldAliases));
        },
      },
    );
  };

  const onSubmit = handleSubmit((values) => save(base, values));
  const error = mutation.error;
  const isConflict = isApiError(error) && error.code === 'conflict';
  const workerName = (id: string, list: readonly Keyworker[]) =>
    id === '' ? t('families.noKeyworker') : (list.find((k) => String(k.id) === id)?.username ?? id);

  const conflictRows = (mine: FamilyFormValues, theirs: Family): ConflictRow[] => {
    const th = valuesFromFamily(theirs);
    const list = theirs.keyworker ? [...keyworkers, theirs.keyworker] : keyworkers;
    return [
      { label: t('families.name'), mine: mine.name, theirs: th.name },
      { label: t('families.statusLabel'), mine: t(`families.status.${mine.status}`), theirs: t(`families.status.${th.status}`) },
      { label: t('families.closedReason'), mine: mine.status === 'closed' ? mine.closed_reason : '', theirs: th.closed_reason },
      { label: t('families.keyworker'), mine: workerName(mine.keyworker_id, list), theirs: workerName(th.keyworker_id, list) },
      { label: t('families.team'), mine: mine.team, theirs: th.team },
      {
        label: t('families.address'),
        mine: `${mine.street} ${mine.house_number}, ${mine.postal_code} ${districtName(districts, mine.district)}`,
        theirs: `${th.street} ${th.house_number}, ${th.postal_code} ${districtName(districts, th.district)}`,
      },
    ];
  };

  return (
    <form className="form form--medium" onSubmit={onSubmit} noValidate>
      {unchanged ? <Alert tone="info" title={t('form.unchanged')} /> : null}
      {mutation.isError && isConflict ? (
        <ErrorAlert error={error} title={t('families.form.conflictTitle')}>
          <p>{t('conflict.body')}</p>
          {conflict ? (
            <VersionConflict
              rows={conflictRows(mergeFamilyEdits(base, getValues(), conflict), conflict)}
              busy={mutation.isPending}
              onKeepMine={() => {
                const merged = mergeFamilyEdits(base, getValues(), conflict);
                setBase(conflict);
                reset(merged, { keepDefaultValues: true });
                save(conflict, merged);
              }}
              onTakeTheirs={() => {
                setBase(conflict);
                reset(valuesFromFamily(conflict));
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
      <FamilyFields
        register={register}
        errors={errors}
        initial={initial}
        status={watch('status')}
        districts={districts}
        teams={teams}
        keyworkers={keyworkers}
      />
      <div className="form__actions">
        <Button type="submit" busy={mutation.isPending && !conflict}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}
