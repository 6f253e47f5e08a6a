// A new family: name, team (a worker's own team first), keyworker, status and address.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { FormErrorSummary } from '@/components/ui/FormErrorSummary';
import type { FieldError as ServerFieldError } from '@/lib/api-error';
import { applyServerFieldErrors } from '@/lib/server-field-errors';
import type { User } from '@/types/user';
import { useCreateFamily } from '../api/create-family';
import type { District } from '../api/get-districts';
import { useKeyworkerOptions } from '../api/get-keyworkers';
import { emptyFamilyForm, familyFieldAliases, familyFormFields, familyFormSchema, toCreateFamilyBody, type FamilyFormValues } from '../lib/family-form';
import type { Family } from '../types';
import { FamilyFields } from './FamilyFields';

type CreateFamilyFormProps = {
  me: User;
  districts: readonly District[];
  teams: readonly string[];
  onCreated: (family: Family) => void;
  onCancel: () => void;
};

export function CreateFamilyForm({ me, districts, teams, onCreated, onCancel }: CreateFamilyFormProps) {
  const { t } = useTranslation();
  const mutation = useCreateFamily();
  const keyworkers = useKeyworkerOptions(null);
  const [unplaced, setUnplaced] = useState<ServerFieldError[]>([]);
  const [initial] = useState(() => emptyFamilyForm(me.team ?? '', me.role === 'worker' ? me.id : null));
  const {
    register,
    handleSubmit,
    setError,
    watch,
    formState: { errors },
  } = useForm<FamilyFormValues>({ resolver: zodResolver(familyFormSchema), defaultValues: initial });

  const onSubmit = handleSubmit((values) => {
    setUnplaced([]);
    mutation.mutate(toCreateFamilyBody(values), {
      onSuccess: onCreated,
      onError: (error) => setUnplaced(applyServerFieldErrors(error, setError, familyFormFields, familyFieldAliases)),
    });
  });

  return (
    <form className="form form--medium" onSubmit={onSubmit} noValidate>
      <FormErrorSummary error={mutation.error} unplaced={unplaced} />
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
        <Button type="submit" busy={mutation.isPending}>
          {t('families.form.createSubmit')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
