// Search by name (no diacritics needed) or IZO, and filters: type, district, segregation status.
// Applied with the button (or Enter), kept in the address.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { EnumOptions } from '@/components/ui/EnumOptions';
import { Field } from '@/components/ui/Field';
import { useDistricts } from '@/features/families/api/get-districts';
import { emptySchoolFilters, type SchoolFilters as Filters } from '../api/schools';
import { schoolTypes, segregationStatuses } from '../types';

export function SchoolFilters({ value, onApply }: { value: Filters; onApply: (f: Filters) => void }) {
  const { t } = useTranslation();
  const districts = useDistricts();
  const [draft, setDraft] = useState<Filters>(value);
  useEffect(() => setDraft(value), [value]);
  const active = [value.type, value.district, value.status].filter(Boolean).length;
  const [showMore, setShowMore] = useState(active > 0);
  const moreId = useId();
  const set = (key: keyof Filters) => (event: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: event.target.value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...draft, q: draft.q.trim() });
  };
  return (
    <form className="filters" role="search" onSubmit={onSubmit} noValidate aria-label={t('schools.list.filtersLabel')}>
      <Field label={t('schools.list.search')} hint={t('schools.list.searchHint')} className="filters__search">
        {(control) => <input {...control} className="input" type="search" value={draft.q} onChange={set('q')} autoComplete="off" />}
      </Field>
      <button
        type="button"
        className="btn btn--ghost filters__toggle"
        aria-expanded={showMore}
        aria-controls={moreId}
        onClick={() => setShowMore((v) => !v)}
      >
        {active > 0 ? t('schools.list.moreFiltersActive', { count: active }) : t('schools.list.moreFilters')}
      </button>
      <div id={moreId} className={['filters__grid', showMore ? null : 'filters__grid--folded'].filter(Boolean).join(' ')}>
        <Field label={t('schools.type')}>
          {(control) => (
            <select {...control} className="input" value={draft.type} onChange={set('type')}>
              <EnumOptions values={schoolTypes} prefix="schools.typeName" emptyLabel={t('schools.list.anyType')} />
            </select>
          )}
        </Field>
        <Field label={t('schools.district')}>
          {(control) => (
            <select {...control} className="input" value={draft.district} onChange={set('district')}>
              <option value="">{t('schools.list.anyDistrict')}</option>
              {(districts.data ?? []).map((d) => (
                <option key={d.code} value={d.name}>
                  {d.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('schools.statusLabel')}>
          {(control) => (
            <select {...control} className="input" value={draft.status} onChange={set('status')}>
              <EnumOptions values={segregationStatuses} prefix="schools.status" emptyLabel={t('schools.list.anyStatus')} />
            </select>
          )}
        </Field>
      </div>
      <div className="form__actions">
        <Button type="submit">{t('schools.list.apply')}</Button>
        <Button
          variant="ghost"
          onClick={() => {
            setDraft(emptySchoolFilters);
            onApply(emptySchoolFilters);
          }}
        >
          {t('schools.list.clear')}
        </Button>
      </div>
    </form>
  );
}
