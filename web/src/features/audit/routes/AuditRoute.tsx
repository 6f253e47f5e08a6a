// Správa › Auditní záznam: filters and pages live in the URL so a view can be shared or revisited.
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { Button } from '@/components/ui/Button';
import { EmptyState } from '@/components/ui/EmptyState';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { Pagination } from '@/components/ui/Pagination';
import { AUDIT_PAGE_SIZE, useAuditLog, type AuditFilters } from '../api/get-audit-log';
import { AuditFiltersForm } from '../components/AuditFiltersForm';
import { AuditTable } from '../components/AuditTable';

const filterKeys = ['entity', 'entity_id', 'actor', 'from', 'to'] as const;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;

export function filtersFromParams(params: URLSearchParams): AuditFilters {
  const get = (key: (typeof filterKeys)[number]) => params.get(key) ?? '';
  return {
    entity: get('entity'),
    entity_id: get('entity_id'),
    actor: get('actor'),
    from: isoDate.test(get('from')) ? get('from') : '',
    to: isoDate.test(get('to')) ? get('to') : '',
  };
}

export function pageFromParams(params: URLSearchParams): number {
  const page = Number(params.get('page'));
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

export function AuditRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const paramsKey = params.toString();
  const filters = useMemo(() => filtersFromParams(new URLSearchParams(paramsKey)), [paramsKey]);
  const page = pageFromParams(params);
  const audit = useAuditLog({ ...filters, page, page_size: AUDIT_PAGE_SIZE });

  const apply = (next: AuditFilters, nextPage = 1) => {
    const p = new URLSearchParams();
    for (const key of filterKeys) if (next[key] !== '') p.set(key, next[key]);
    if (nextPage > 1) p.set('page', String(nextPage));
    setParams(p);
  };

  return (
    <>
      <Breadcrumbs items={[{ label: t('places.admin.name'), to: '/admin' }]} />
      <PageHeader title={t('admin.audit.title')} lead={t('admin.audit.lead')} />
      <AuditFiltersForm value={filters} onApply={(f) => apply(f)} />
      {audit.isPending ? <Loading /> : null}
      {audit.isError ? (
        <ErrorAlert error={audit.error}>
          <Button variant="secondary" onClick={() => void audit.refetch()}>
            {t('common.retry')}
          </Button>
        </ErrorAlert>
      ) : null}
      {audit.isSuccess && audit.data.items.length === 0 ? (
        <EmptyState title={t('admin.audit.emptyTitle')}>
          <p>{t('admin.audit.emptyBody')}</p>
        </EmptyState>
      ) : null}
      {audit.isSuccess && audit.data.items.length > 0 ? (
        <div aria-busy={audit.isFetching || undefined} className={audit.isPlaceholderData ? 'is-stale' : undefined}>
          <AuditTable entries={audit.data.items} />
          <Pagination
            label={t('admin.audit.pagination')}
            page={audit.data.page}
            pageSize={audit.data.page_size}
            total={audit.data.total}
            onPageChange={(next) => apply(filters, next)}
          />
        </div>
      ) : null}
    </>
  );
}
