// Special-category data (Roma minority, disability, health): a labelled, collapsed section that says who
// may see it. It is rendered only when the server says this user may (special_category_visible); the
// items are fetched when it is opened, so each opening is one audited read.
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/Alert';
import { Button } from '@/components/ui/Button';
import { EnumOptions } from '@/components/ui/EnumOptions';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Field } from '@/components/ui/Field';
import { FormErrorSummary } from '@/components/ui/FormErrorSummary';
import { fieldErrorText } from '@/components/ui/field-error';
import { Loading } from '@/components/ui/Loading';
import type { FieldError as ServerFieldError } from '@/lib/api-error';
import { formatIsoDate } from '@/lib/format';
import { applyServerFieldErrors } from '@/lib/server-field-errors';
import { useLanguage } from '@/lib/use-language';
import { specialFormSchema, useCreateSpecialItem, useSpecialCategory, type SpecialFormValues } from '../api/special-category';
import { specialCategories, specialValues, type Person } from '../types';

export function SpecialCategorySection({ person }: { person: Person }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!person.special_category_visible) return null;
  return (
    <details className="panel sensitive" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="sensitive__summary">{t('people.special.title')}</summary>
      <p className="sensitive__who">{t('people.special.whoMaySee')}</p>
      {open ? <SpecialCategoryContent person={person} /> : null}
    </details>
  );
}

function SpecialCategoryContent({ person }: { person: Person }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const items = useSpecialCategory(person.id, true);
  const hasConsent = person.consents.some((c) => c.purpose === 'special_category' && c.status === 'valid');
  return (
    <>
      {!hasConsent ? <Alert tone="warning" title={t('people.special.noConsent')} /> : null}
      {items.isPending ? <Loading /> : null}
      {items.isError ? <ErrorAlert error={items.error} /> : null}
      {items.isSuccess && items.data.length === 0 ? <p className="muted">{t('people.special.none')}</p> : null}
      {items.isSuccess && items.data.length > 0 ? (
        <ul className="plain-list record-list">
          {items.data.map((item) => (
            <li key={item.id} className="record">
              <p className="record__title">
                <strong>{t(`people.special.category.${item.category}`)}:</strong> {t(`people.special.value.${item.value}`)}
              </p>
              {item.note ? <p className="small">{item.note}</p> : null}
              <p className="small muted">
                {t('people.special.recorded', { date: formatIsoDate(item.recorded_on, lang), by: item.recorded_by ?? '—' })}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      <SpecialItemForm personId={person.id} />
    </>
  );
}

const fields = ['category', 'value', 'note'] as const;

function SpecialItemForm({ personId }: { personId: number }) {
  const { t } = useTranslation();
  const mutation = useCreateSpecialItem(personId);
  const [unplaced, setUnplaced] = useState<ServerFieldError[]>([]);
  const [saved, setSaved] = useState(false);
  const initial: SpecialFormValues = { category: 'roma_minority', value: 'not_stated', note: '' };
  const {
    register,
    handleSubmit,
    setError,
    resetField,
    formState: { errors },
  } = useForm<SpecialFormValues>({ resolver: zodResolver(specialFormSchema), defaultValues: initial });
  const onSubmit = handleSubmit((v) => {
    setUnplaced([]);
    setSaved(false);
    mutation.mutate(v, {
      onSuccess: () => {
        resetField('note', { defaultValue: '' });
        setSaved(true);
      },
      // "consent" names the missing consent: it belongs next to the value that needs it.
      onError: (error) => setUnplaced(applyServerFieldErrors(error, setError, fields, { consent: 'value' })),
    });
  });
  return (
    <form className="form subform" onSubmit={onSubmit} noValidate aria-label={t('people.special.formTitle')}>
      <h4>{t('people.special.formTitle')}</h4>
      {saved ? <Alert tone="success" title={t('people.special.saved')} /> : null}
      <FormErrorSummary error={mutation.error} unplaced={unplaced} />
      <div className="form__row">
        <Field label={t('people.special.categoryLabel')} error={fieldErrorText(errors.category, t)}>
          {(control) => (
            <select {...control} {...register('category')} className="input" defaultValue={initial.category}>
              <EnumOptions values={specialCategories} prefix="people.special.category" />
            </select>
          )}
        </Field>
        <Field label={t('people.special.valueLabel')} hint={t('people.special.valueHint')} error={fieldErrorText(errors.value, t)}>
          {(control) => (
            <select {...control} {...register('value')} className="input" defaultValue={initial.value}>
              <EnumOptions values={specialValues} prefix="people.special.value" />
            </select>
          )}
        </Field>
      </div>
      <Field label={t('people.special.note')} error={fieldErrorText(errors.note, t)}>
        {(control) => <input {...control} {...register('note')} className="input" />}
      </Field>
      <div className="form__actions">
        <Button type="submit" busy={mutation.isPending}>
          {t('people.special.submit')}
        </Button>
      </div>
    </form>
  );
}
