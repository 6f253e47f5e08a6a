// Filters for the audit log: what kind of record, which record, who, and the date range.
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { Field } from '@/components/ui/Field';
import { emptyAuditFilters, type AuditFilters } from '../api/get-audit-log';

type AuditFiltersFormProps = {
  value: AuditFilters;
  onApply: (filters: AuditFilters) => void;
};

export function AuditFiltersForm({ value, onApply }: AuditFiltersFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<AuditFilters>(value);
  const [rangeError, setRangeError] = useState(false);

  // The URL is the source of truth (back button, shared links): follow it when it changes.
  useEffect(() => setDraft(value), [value]);

  const set = (key: keyof AuditFilters) => (event: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: event.target.value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed: AuditFilters = {
      entity: draft.entity.trim(),
      entity_id: draft.entity_id.trim(),
      actor: draft.actor.trim(),
      from: draft.from,
      to: draft.to,
    };
    const badRange = trimmed.from !== '' && trimmed.to !== '' && trimmed.from > trimmed.to;
    setRangeError(badRange);
    if (!badRange) onApply(trimmed);
  };

  return (
    <form className="filters" onSubmit={onSubmit} noValidate aria-label={t('admin.audit.filtersLabel')}>
      <div className="filters__grid">
        <Field label={t('admin.audit.entity')} hint={t('admin.audit.entityHint')}>
          {(control) => <input {...control} className="input" value={draft.entity} onChange={set('entity')} />}
        </Field>
        <Field label={t('admin.audit.entityId')}>
          {(control) => <input {...control} className="input" value={draft.entity_id} onChange={set('entity_id')} />}
        </Field>
        <Field label={t('admin.audit.actor')} hint={t('admin.audit.actorHint')}>
          {(control) => (
            <input {...control} className="input" value={draft.actor} onChange={set('actor')} autoCapitalize="none" spellCheck={false} />
          )}
        </Field>
        <Field label={t('admin.audit.from')}>
          {(control) => <input {...control} className="input" type="date" value={draft.from} onChange={set('from')} />}
        </Field>
        <Field label={t('admin.audit.to')} error={rangeError ? t('admin.audit.rangeError') : undefined}>
          {(control) => <input {...control} className="input" type="date" value={draft.to} onChange={set('to')} />}
        </Field>
      </div>
      <div className="form__actions">
        <Button type="submit">{t('admin.audit.apply')}</Button>
        <Button
          variant="ghost"
          onClick={() => {
            setRangeError(false);
            setDraft(emptyAuditFilters);
            onApply(emptyAuditFilters);
          }}
        >
          {t('admin.audit.clear')}
        </Button>
      </div>
    </form>
  );
}
