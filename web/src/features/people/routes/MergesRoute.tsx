// Rodiny › Sloučené záznamy: the merges, newest first, with how long each can still be undone.
import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert } from '@/components/ui/Alert';
import { Breadcrumbs } from '@/components/ui/Breadcrumbs';
import { Button } from '@/components/ui/Button';
import { EmptyState } from '@/components/ui/EmptyState';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Loading } from '@/components/ui/Loading';
import { PageHeader } from '@/components/ui/PageHeader';
import { isApiError } from '@/lib/api-error';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';
import { canUndo, useMerges, useUndoMerge } from '../api/merges';
import type { Merge } from '../types';

function MergeState({ merge }: { merge: Merge }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  if (merge.undone_at) return <span className="badge badge--muted">{t('registryExtra.merges.undoneOn', { date: formatDateTime(merge.undone_at, lang) })}</span>;
  if (canUndo(merge)) return <span className="badge badge--info">{t('registryExtra.merges.undoable')}</span>;
  return <span className="badge badge--muted">{t('registryExtra.merges.expired')}</span>;
}

/** "Name (č. N)" when the server named the record, else "záznam č. N". */
function useRecordLabel() {
  const { t } = useTranslation();
  return (id: number, name: string | null | undefined) =>
    name ? t('registryExtra.merges.recordNamed', { name, id }) : t('registryExtra.merges.record', { id });
}

export function MergesRoute() {
  const { t } = useTranslation();
  const lang = useLanguage();
  const merges = useMerges();
  const label = useRecordLabel();
  const undo = useUndoMerge();
  const [undoneId, setUndoneId] = useState<number | null>(null);
  const [failedId, setFailedId] = useState<number | null>(null);
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('places.families.name'), to: '/families' },
          { label: t('registryExtra.tabs.people'), to: '/people' },
        ]}
      />
      <PageHeader title={t('registryExtra.merges.title')} lead={t('registryExtra.merges.lead')} />
      {undoneId !== null ? <Alert tone="success" title={t('registryExtra.merge.undoneTitle')} /> : null}
      {undo.isError && failedId !== null ? (
        <ErrorAlert
          error={undo.error}
          title={isApiError(undo.error) && undo.error.code === 'conflict' ? t('registryExtra.merge.undoConflict') : undefined}
        />
      ) : null}
      {merges.isPending ? <Loading /> : null}
      {merges.isError ? <ErrorAlert error={merges.error} /> : null}
      {merges.isSuccess && merges.data.length === 0 ? (
        <EmptyState title={t('registryExtra.merges.emptyTitle')}>
          <p>{t('registryExtra.merges.emptyBody')}</p>
        </EmptyState>
      ) : null}
      {merges.isSuccess && merges.data.length > 0 ? (
        <table className="table table--stack">
          <caption className="visually-hidden">{t('registryExtra.merges.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('registryExtra.merges.when')}</th>
              <th scope="col">{t('registryExtra.merges.kept')}</th>
              <th scope="col">{t('registryExtra.merges.merged')}</th>
              <th scope="col">{t('registryExtra.merges.by')}</th>
              <th scope="col">{t('registryExtra.merges.undoUntil')}</th>
              <th scope="col">{t('registryExtra.merges.state')}</th>
              <th scope="col">{t('common.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {merges.data.map((m) => (
              <tr key={m.id}>
                <th scope="row">{formatDateTime(m.merged_at, lang)}</th>
                <td data-label={t('registryExtra.merges.kept')}>
                  <Link to={`/people/${m.person_id}`}>{label(m.person_id, m.person_name)}</Link>
                </td>
                <td data-label={t('registryExtra.merges.merged')}>
                  {m.undone_at ? (
                    <Link to={`/people/${m.duplicate_id}`}>{label(m.duplicate_id, m.duplicate_name)}</Link>
                  ) : (
                    label(m.duplicate_id, m.duplicate_name)
                  )}
                </td>
                <td data-label={t('registryExtra.merges.by')}>{m.merged_by}</td>
                <td data-label={t('registryExtra.merges.undoUntil')}>{formatDateTime(m.undo_until, lang)}</td>
                <td data-label={t('registryExtra.merges.state')}>
                  <MergeState merge={m} />
                </td>
                <td data-label={canUndo(m) ? t('common.actions') : undefined}>
                  {canUndo(m) ? (
                    <Button
                      variant="secondary"
                      className="btn--small"
                      busy={undo.isPending && undo.variables === m.id}
                      disabled={undo.isPending}
                      onClick={() => {
                        setUndoneId(null);
                        setFailedId(m.id);
                        undo.mutate(m.id, { onSuccess: () => setUndoneId(m.id) });
                      }}
                    >
                      {m.duplicate_name
                        ? t('registryExtra.merges.undoRecordNamed', { name: m.duplicate_name, id: m.duplicate_id })
                        : t('registryExtra.merges.undoRecord', { id: m.duplicate_id })}
                    </Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
