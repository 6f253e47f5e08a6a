// Rodiny: find a family by any member's name; filters, order and page live in the address.
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { EmptyState } from '@/components/ui/EmptyState';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { Pagination } from '@/components/ui/Pagination';
import { useDistricts } from '../api/get-districts';
import { FAMILIES_PAGE_SIZE, familySorts, useFamilies, type FamilyFilters, type FamilySort } from '../api/get-families';
import { FamiliesTable } from '../components/FamiliesTable';
import { FamilyFiltersForm } from '../components/FamilyFiltersForm';
import { familyStatuses } from '../types';
import { RegistryTabs } from '@/features/people/components/RegistryTabs';

export function filtersFromParams(params: URLSearchParams): FamilyFilters {
  const status = params.get('status') ?? '';
  const sort = params.get('sort') ?? '';
  return {
    q: params.get('q') ?? '',
    district: params.get('district') ?? '',
    worker: params.get('worker') ?? '',
    status: (familyStatuses as readonly string[]).includes(status) ? status : '',
    sort: (familySorts as readonly string[]).includes(sort) ? (sort as FamilySort) : 'name',
  };
}

function pageFromParams(params: URLSearchParams): number {
  const page = Number(params.get('page'));
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

export function FamiliesRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const paramsKey = params.toString();
  const filters = useMemo(() => filtersFromParams(new URLSearchParams(paramsKey)), [paramsKey]);
  const page = pageFromParams(params);
  const families = useFamilies({ ...filters, page, page_size: FAMILIES_PAGE_SIZE });
  const districts = useDistricts();
  const filtered = filters.q !== '' || filters.district !== '' || filters.worker !== '' || filters.status !== '';

  const apply = (next: FamilyFilters, nextPage = 1) => {
    const p = new URLSearchParams();
    for (const key of ['q', 'district', 'worker', 'status'] as const) if (next[key] !== '') p.set(key, next[key]);
    if (next.sort !== 'name') p.set('sort', next.sort);
    if (nextPage > 1) p.set('page', String(nextPage));
    setParams(p);
  };

  const createLink = (
    <Link to="/families/new" className="btn btn--primary">
      {t('families.create')}
    </Link>
  );

  return (
    <>
      <PageHeader title={t('places.families.name')} lead={t('families.list.lead')} actions={createLink} />
      <RegistryTabs />
      <FamilyFiltersForm value={filters} onApply={(f) => apply(f)} />
      {families.isPending ? <Loading /> : null}
      {families.isError ? (
        <ErrorAlert error={families.error}>
          <Button variant="secondary" onClick={() => void families.refetch()}>
            {t('common.retry')}
          </Button>
        </ErrorAlert>
      ) : null}
      {families.isSuccess && families.data.items.length === 0 && filtered ? (
        <EmptyState
          title={t('families.list.noMatchTitle')}
          action={
            <>
              <Button variant="secondary" onClick={() => apply({ ...filters, q: '', district: '', worker: '', status: '' })}>
                {t('families.list.clear')}
              </Button>{' '}
              {createLink}
            </>
          }
        >
          <p>{filters.q ? t('families.list.noMatchBodyQuery', { q: filters.q }) : t('families.list.noMatchBody')}</p>
        </EmptyState>
      ) : null}
      {families.isSuccess && families.data.items.length === 0 && !filtered ? (
        <EmptyState title={t('families.list.emptyTitle')} action={createLink}>
          <p>{t('families.list.emptyBody')}</p>
        </EmptyState>
      ) : null}
      {families.isSuccess && families.data.items.length > 0 ? (
        <div aria-busy={families.isFetching || undefined} className={families.isPlaceholderData ? 'is-stale' : undefined}>
          <p className="muted" aria-live="polite">
            {t('families.list.found', { count: families.data.total })}
          </p>
          <FamiliesTable families={families.data.items} districts={districts.data} />
          <Pagination
            label={t('families.list.pagination')}
            page={families.data.page}
            pageSize={families.data.page_size}
            total={families.data.total}
            onPageChange={(next) => apply(filters, next)}
          />
        </div>
      ) : null}
    </>
  );
}
