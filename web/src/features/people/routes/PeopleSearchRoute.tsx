// Rodiny › Osoby: find a person by name (no diacritics needed), in Czech alphabetical order; search,
// order and page live in the address so a result can be shared and the back button works.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { Button } from '@/components/ui/Button';
import { EmptyState } from '@/components/ui/EmptyState';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { EnumOptions } from '@/components/ui/EnumOptions';
import { Field } from '@/components/ui/Field';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { Pagination } from '@/components/ui/Pagination';
import { useMe } from '@/features/auth/api/get-me';
import { PEOPLE_PAGE_SIZE, peopleSorts, usePeopleSearch, type PeopleSort } from '../api/search-people';
import { PeopleTable } from '../components/PeopleTable';
import { RegistryTabs } from '../components/RegistryTabs';

export function peopleQueryFromParams(params: URLSearchParams): { q: string; sort: PeopleSort; page: number } {
  const sort = params.get('sort') ?? '';
  const page = Number(params.get('page'));
  return {
    q: params.get('q') ?? '',
    sort: (peopleSorts as readonly string[]).includes(sort) ? (sort as PeopleSort) : 'surname',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
  };
}

export function PeopleSearchRoute() {
  const { t } = useTranslation();
  const me = useMe().data;
  const [params, setParams] = useSearchParams();
  const paramsKey = params.toString();
  const query = useMemo(() => peopleQueryFromParams(new URLSearchParams(paramsKey)), [paramsKey]);
  const [draft, setDraft] = useState({ q: query.q, sort: query.sort });
  useEffect(() => setDraft({ q: query.q, sort: query.sort }), [query.q, query.sort]);
  const people = usePeopleSearch({ ...query, page_size: PEOPLE_PAGE_SIZE });
  const mayMerge = me?.role === 'coordinator' || me?.role === 'admin';

  const apply = (next: { q: string; sort: PeopleSort }, page = 1) => {
    const p = new URLSearchParams();
    if (next.q.trim() !== '') p.set('q', next.q.trim());
    if (next.sort !== 'surname') p.set('sort', next.sort);
    if (page > 1) p.set('page', String(page));
    setParams(p);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    apply(draft);
  };

  return (
    <>
      <Breadcrumbs items={[{ label: t('places.families.name'), to: '/families' }]} />
      <PageHeader
        title={t('registryExtra.search.title')}
        lead={t('registryExtra.search.lead')}
        actions={
          mayMerge ? (
            <Link to="/people/merges" className="btn btn--secondary">
              {t('registryExtra.merge.recentLink')}
            </Link>
          ) : undefined
        }
      />
      <RegistryTabs />
      <form className="people-search" role="search" onSubmit={onSubmit} noValidate aria-label={t('registryExtra.search.formLabel')}>
        <Field label={t('registryExtra.search.q')} hint={t('registryExtra.search.qHint')}>
          {(control) => (
            <input
              {...control}
              className="input"
              type="search"
              value={draft.q}
              autoComplete="off"
              onChange={(e) => setDraft((d) => ({ ...d, q: e.target.value }))}
            />
          )}
        </Field>
        <Field label={t('registryExtra.search.sort')} className="people-search__sort">
          {(control) => (
            <select
              {...control}
              className="input"
              value={draft.sort}
              onChange={(e) => setDraft((d) => ({ ...d, sort: e.target.value as PeopleSort }))}
            >
              <EnumOptions values={peopleSorts} prefix="registryExtra.search.sortBy" />
            </select>
          )}
        </Field>
        <div className="form__actions">
          <Button type="submit">{t('registryExtra.search.submit')}</Button>
        </div>
      </form>
      {people.isPending ? <Loading /> : null}
      {people.isError ? (
        <ErrorAlert error={people.error}>
          <Button variant="secondary" onClick={() => void people.refetch()}>
            {t('common.retry')}
          </Button>
        </ErrorAlert>
      ) : null}
      {people.isSuccess && people.data.items.length === 0 ? (
        query.q !== '' ? (
          <EmptyState
            title={t('registryExtra.search.noMatchTitle')}
            action={
              <Button variant="secondary" onClick={() => apply({ q: '', sort: query.sort })}>
                {t('registryExtra.search.clear')}
              </Button>
            }
          >
            <p>{t('registryExtra.search.noMatchBody', { q: query.q })}</p>
          </EmptyState>
        ) : (
          <EmptyState
            title={t('registryExtra.search.emptyTitle')}
            action={
              <Link to="/families" className="btn btn--secondary">
                {t('registryExtra.search.toFamilies')}
              </Link>
            }
          >
            <p>{t('registryExtra.search.emptyBody')}</p>
          </EmptyState>
        )
      ) : null}
      {people.isSuccess && people.data.items.length > 0 ? (
        <div aria-busy={people.isFetching || undefined} className={people.isPlaceholderData ? 'is-stale' : undefined}>
          <p className="muted" aria-live="polite">
            {t('registryExtra.search.found', { count: people.data.total })}
          </p>
          <PeopleTable people={people.data.items} caption={t('registryExtra.search.caption')} />
          <Pagination
            label={t('registryExtra.search.pagination')}
            page={people.data.page}
            pageSize={people.data.page_size}
            total={people.data.total}
            onPageChange={(next) => apply(query, next)}
          />
        </div>
      ) : null}
    </>
  );
}
