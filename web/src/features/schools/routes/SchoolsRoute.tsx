// Školy: find a school by name (no diacritics needed) or IZO; filter by type, district and segregation
// status; the list comes in Czech alphabetical order. Filters and page live in the address.
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { useMe } from '@/features/auth/api/get-me';
import { EmptyState } from '@/components/ui/EmptyState';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { Pagination } from '@/components/ui/Pagination';
import { SCHOOLS_PAGE_SIZE, emptySchoolFilters, useSchools, type SchoolFilters as Filters } from '../api/schools';
import { SchoolFilters } from '../components/SchoolFilters';
import { SchoolsTable } from '../components/SchoolsTable';
import { SchoolsTabs } from '../components/SchoolsTabs';
import { schoolTypes, segregationStatuses } from '../types';
import '../schools.css';

export function schoolFiltersFromParams(params: URLSearchParams): Filters {
  const type = params.get('type') ?? '';
  const status = params.get('status') ?? '';
  return {
    q: params.get('q') ?? '',
    type: (schoolTypes as readonly string[]).includes(type) ? type : '',
    district: params.get('district') ?? '',
    status: (segregationStatuses as readonly string[]).includes(status) ? status : '',
  };
}

export function SchoolsRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const role = useMe().data?.role;
  const manages = role === 'coordinator' || role === 'admin';
  const paramsKey = params.toString();
  const filters = useMemo(() => schoolFiltersFromParams(new URLSearchParams(paramsKey)), [paramsKey]);
  const pageParam = Number(params.get('page'));
  const page = Number.isInteger(pageParam) && pageParam >= 1 ? pageParam : 1;
  const schools = useSchools({ ...filters, page, page_size: SCHOOLS_PAGE_SIZE });
  const filtered = filters.q !== '' || filters.type !== '' || filters.district !== '' || filters.status !== '';

  const apply = (next: Filters, nextPage = 1) => {
    const p = new URLSearchParams();
    for (const key of ['q', 'type', 'district', 'status'] as const) if (next[key] !== '') p.set(key, next[key]);
    if (nextPage > 1) p.set('page', String(nextPage));
    setParams(p);
  };

  return (
    <>
      <PageHeader
        title={t('places.schools.name')}
        lead={t('schools.list.lead')}
        actions={
          manages ? (
            <Link to="/schools/new" className="btn btn--primary">
              {t('schools.form.newTitle')}
            </Link>
          ) : null
        }
      />
      <SchoolsTabs />
      <SchoolFilters value={filters} onApply={(f) => apply(f)} />
      {schools.isPending ? <Loading /> : null}
      {schools.isError ? (
        <ErrorAlert error={schools.error}>
          <Button variant="secondary" onClick={() => void schools.refetch()}>
            {t('common.retry')}
          </Button>
        </ErrorAlert>
      ) : null}
      {schools.isSuccess && schools.data.items.length === 0 && filtered ? (
        <EmptyState
          title={t('schools.list.noMatchTitle')}
          action={
            <Button variant="secondary" onClick={() => apply(emptySchoolFilters)}>
              {t('schools.list.clear')}
            </Button>
          }
        >
          <p>{filters.q ? t('schools.list.noMatchBodyQuery', { q: filters.q }) : t('schools.list.noMatchBody')}</p>
        </EmptyState>
      ) : null}
      {schools.isSuccess && schools.data.items.length === 0 && !filtered ? (
        <EmptyState title={t('schools.list.emptyTitle')}>
          <p>{t('schools.list.emptyBody')}</p>
        </EmptyState>
      ) : null}
      {schools.isSuccess && schools.data.items.length > 0 ? (
        <div aria-busy={schools.isFetching || undefined} className={schools.isPlaceholderData ? 'is-stale' : undefined}>
          <p className="muted" aria-live="polite">
            {t('schools.list.found', { count: schools.data.total })}
          </p>
          <SchoolsTable schools={schools.data.items} />
          <Pagination
            label={t('schools.list.pagination')}
            page={schools.data.page}
            pageSize={schools.data.page_size}
            total={schools.data.total}
            onPageChange={(next) => apply(filters, next)}
          />
        </div>
      ) : null}
    </>
  );
}
