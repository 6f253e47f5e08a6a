// Search and filters of the family list: a name (any member, no diacritics needed), district,
// keyworker, status and order. Applied with the button (or Enter), kept in the address.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { EnumOptions } from '@/components/ui/EnumOptions';
import { Field } from '@/components/ui/Field';
import { useDistricts } from '../api/get-districts';
import { emptyFamilyFilters, familySorts, type FamilyFilters, type FamilySort } from '../api/get-families';
import { useKeyworkerOptions } from '../api/get-keyworkers';
import { familyStatuses } from '../types';

type FamilyFiltersFormProps = {
  value: FamilyFilters;
  onApply: (filters: FamilyFilters) => void;
};

export function FamilyFiltersForm({ value, onApply }: FamilyFiltersFormProps) {
  const { t } = useTranslation();
  const districts = useDistricts();
  const keyworkers = useKeyworkerOptions(null);
  const [draft, setDraft] = useState<FamilyFilters>(value);
  useEffect(() => setDraft(value), [value]);
  const active = [value.district, value.worker, value.status].filter(Boolean).length + (value.sort !== 'name' ? 1 : 0);
  // On a phone the filters fold away behind one button so the results start near the top.
  const [showMore, setShowMore] = useState(active > 0);
  const moreId = useId();

  const set = (key: Exclude<keyof FamilyFilters, 'sort'>) => (event: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: event.target.value }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onApply({ ...draft, q: draft.q.trim(), worker: draft.worker.trim() });
  };

  return (
    <form className="filters" role="search" onSubmit={onSubmit} noValidate aria-label={t('families.list.filtersLabel')}>
      <Field label={t('families.list.search')} hint={t('families.list.searchHint')} className="filters__search">
        {(control) => <input {...control} className="input" type="search" value={draft.q} onChange={set('q')} autoComplete="off" />}
      </Field>
      <button
        type="button"
        className="btn btn--ghost filters__toggle"
        aria-expanded={showMore}
        aria-controls={moreId}
        onClick={() => setShowMore((v) => !v)}
      >
        {active > 0 ? t('families.list.moreFiltersActive', { count: active }) : t('families.list.moreFilters')}
      </button>
      <div id={moreId} className={['filters__grid', showMore ? null : 'filters__grid--folded'].filter(Boolean).join(' ')}>
        <Field label={t('families.district')}>
          {(control) => (
            <select {...control} className="input" value={draft.district} onChange={set('district')}>
              <option value="">{t('families.list.anyDistrict')}</option>
              {(districts.data ?? []).map((d) => (
                <option key={d.code} value={d.code}>
                  {d.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('families.keyworker')} hint={t('families.list.keyworkerHint')}>
          {(control) => (
            <>
              <input
                {...control}
                className="input"
                value={draft.worker}
                onChange={set('worker')}
                list="kredo-keyworkers"
                autoCapitalize="none"
                spellCheck={false}
              />
              <datalist id="kredo-keyworkers">
                {keyworkers.map((k) => (
                  <option key={k.id} value={k.username} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field label={t('families.statusLabel')}>
          {(control) => (
            <select {...control} className="input" value={draft.status} onChange={set('status')}>
              <EnumOptions values={familyStatuses} prefix="families.status" emptyLabel={t('families.list.anyStatus')} />
            </select>
          )}
        </Field>
        <Field label={t('families.list.sort')}>
          {(control) => (
            <select
              {...control}
              className="input"
              value={draft.sort}
              onChange={(e) => setDraft((d) => ({ ...d, sort: e.target.value as FamilySort }))}
            >
              <EnumOptions values={familySorts} prefix="families.list.sortBy" />
            </select>
          )}
        </Field>
      </div>
      <div className="form__actions">
        <Button type="submit">{t('families.list.apply')}</Button>
        <Button
          variant="ghost"
          onClick={() => {
            setDraft(emptyFamilyFilters);
            onApply(emptyFamilyFilters);
          }}
        >
          {t('families.list.clear')}
        </Button>
      </div>
    </form>
  );
}
