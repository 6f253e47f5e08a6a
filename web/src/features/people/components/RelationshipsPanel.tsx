// Who the person is related to (mother, father, guardian…) and who legally represents them.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { ConfirmPanel } from '@/components/ui/ConfirmPanel';
import { EnumOptions } from '@/components/ui/EnumOptions';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Field } from '@/components/ui/Field';
import { FormErrorSummary } from '@/components/ui/FormErrorSummary';
import { fieldErrorText } from '@/components/ui/field-error';
import type { FieldError as ServerFieldError } from '@/lib/api-error';
import { applyServerFieldErrors } from '@/lib/server-field-errors';
import { relationshipFormSchema, useCreateRelationship, type RelationshipFormValues } from '../api/create-relationship';
import { useDeleteRelationship } from '../api/delete-relationship';
import { personName, relationshipTypes, type Person, type PersonSummary, type Relationship } from '../types';

type RelationshipsPanelProps = { person: Person; members: readonly PersonSummary[] };

export function RelationshipsPanel({ person, members }: RelationshipsPanelProps) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const others = members.filter((m) => m.id !== person.id);
  return (
    <section className="panel" aria-labelledby={`relationships-${person.id}`}>
      <h3 id={`relationships-${person.id}`}>{t('people.relationship.title')}</h3>
      {person.relationships.length === 0 ? <p className="muted">{t('people.relationship.none')}</p> : null}
      <ul className="plain-list record-list">
        {person.relationships.map((r) => (
          <RelationshipItem key={r.id} personId={person.id} relationship={r} />
        ))}
      </ul>
      {adding ? (
        <RelationshipForm personId={person.id} others={others} onDone={() => setAdding(false)} />
      ) : others.length > 0 ? (
        <Button variant="secondary" onClick={() => setAdding(true)}>
          {t('people.relationship.add')}
        </Button>
      ) : (
        <p className="small muted">{t('people.relationship.noOthers')}</p>
      )}
    </section>
  );
}

function RelationshipItem({ personId, relationship: r }: { personId: number; relationship: Relationship }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const mutation = useDeleteRelationship(personId);
  return (
    <li className="record">
      <p className="record__title">
        <Link to={`/people/${r.other_person_id}`}>{r.other_name}</Link> — {t(`people.relationship.type.${r.type}`)}
        {r.legal_representative ? (
          <span className="badge badge--info">
            <span aria-hidden="true">§ </span>
            {t('people.relationship.legalRepresentative')}
          </span>
        ) : null}
      </p>
      {confirming ? (
        <ConfirmPanel
          title={t('people.relationship.removeTitle', { name: r.other_name })}
          confirmLabel={t('people.relationship.removeConfirm')}
          cancelLabel={t('common.cancel')}
          busy={mutation.isPending}
          danger
          onCancel={() => setConfirming(false)}
          onConfirm={() => mutation.mutate(r.id, { onSuccess: () => setConfirming(false) })}
        >
          {mutation.isError ? <ErrorAlert error={mutation.error} /> : null}
        </ConfirmPanel>
      ) : (
        <Button variant="ghost" className="btn--small" onClick={() => setConfirming(true)}>
          {t('people.relationship.remove')}
          <span className="visually-hidden"> {r.other_name}</span>
        </Button>
      )}
    </li>
  );
}

const fields = ['other_person_id', 'type', 'legal_representative'] as const;

function RelationshipForm({ personId, others, onDone }: { personId: number; others: readonly PersonSummary[]; onDone: () => void }) {
  const { t } = useTranslation();
  const mutation = useCreateRelationship(personId);
  const [unplaced, setUnplaced] = useState<ServerFieldError[]>([]);
  const initial: RelationshipFormValues = { other_person_id: '', type: 'mother', legal_representative: false };
  const {
    register,
    handleSubmit,
    setError,
    formState: { errors },
  } = useForm<RelationshipFormValues>({ resolver: zodResolver(relationshipFormSchema), defaultValues: initial });
  const onSubmit = handleSubmit((v) => {
    setUnplaced([]);
    mutation.mutate(
      { other_person_id: Number(v.other_person_id), type: v.type, legal_representative: v.legal_representative },
      { onSuccess: onDone, onError: (error) => setUnplaced(applyServerFieldErrors(error, setError, fields)) },
    );
  });
  return (
    <form className="form subform" onSubmit={onSubmit} noValidate aria-label={t('people.relationship.add')}>
      <FormErrorSummary error={mutation.error} unplaced={unplaced} />
      <div className="form__row">
        <Field label={t('people.relationship.other')} required error={fieldErrorText(errors.other_person_id, t)}>
          {(control) => (
            <select {...control} {...register('other_person_id')} className="input" defaultValue="">
              <option value="">{t('people.relationship.chooseOther')}</option>
              {others.map((m) => (
                <option key={m.id} value={String(m.id)}>
                  {personName(m)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('people.relationship.typeLabel')} hint={t('people.relationship.typeHint')} error={fieldErrorText(errors.type, t)}>
          {(control) => (
            <select {...control} {...register('type')} className="input" defaultValue={initial.type}>
              <EnumOptions values={relationshipTypes} prefix="people.relationship.type" />
            </select>
          )}
        </Field>
      </div>
      <div className="field field--checkbox">
        <input id={`legal-rep-${personId}`} type="checkbox" className="checkbox" {...register('legal_representative')} />
        <label htmlFor={`legal-rep-${personId}`} className="field__label">
          {t('people.relationship.legalRepresentativeLabel')}
        </label>
      </div>
      <div className="form__actions">
        <Button type="submit" busy={mutation.isPending}>
          {t('people.relationship.submit')}
        </Button>
        <Button variant="ghost" onClick={onDone}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
