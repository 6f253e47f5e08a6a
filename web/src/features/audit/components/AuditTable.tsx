// One audit row per line: when (Prague time), who, what, on which record, and the request id.
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';
import type { AuditEntry } from '../api/get-audit-log';

/** `{"role":"worker","username":"x"}` reads as `role: worker, username: x`. */
export function formatDetail(detail: unknown): string {
  if (detail === null || detail === undefined || detail === '') return '';
  if (typeof detail === 'string') return detail;
  if (typeof detail === 'object' && !Array.isArray(detail)) {
    return Object.entries(detail)
      .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
      .join(', ');
  }
  return JSON.stringify(detail);
}

export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const dash = <span aria-label={t('common.none')}>—</span>;
  return (
    <div className="table-scroll" role="region" aria-label={t('admin.audit.tableCaption')} tabIndex={0}>
      <table className="table table--stack">
        <caption className="visually-hidden">{t('admin.audit.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('admin.audit.at')}</th>
            <th scope="col">{t('admin.audit.actor')}</th>
            <th scope="col">{t('admin.audit.action')}</th>
            <th scope="col">{t('admin.audit.entity')}</th>
            <th scope="col">{t('admin.audit.entityId')}</th>
            <th scope="col">{t('admin.audit.detail')}</th>
            <th scope="col">{t('admin.audit.requestId')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const detail = formatDetail(entry.detail);
            return (
              <tr key={entry.id}>
                <td data-label={t('admin.audit.at')} className="nowrap">
                  <time dateTime={entry.at}>{formatDateTime(entry.at, lang)}</time>
                </td>
                <td data-label={t('admin.audit.actor')}>{entry.actor || t('admin.audit.system')}</td>
                <td data-label={t('admin.audit.action')}>
                  <code>{entry.action}</code>
                </td>
                <td data-label={t('admin.audit.entity')}>{entry.entity}</td>
                <td data-label={t('admin.audit.entityId')}>{entry.entity_id ?? dash}</td>
                <td data-label={t('admin.audit.detail')} className="audit__detail">
                  {detail === '' ? dash : detail}
                </td>
                <td data-label={t('admin.audit.requestId')}>
                  {entry.request_id ? <code className="small">{entry.request_id}</code> : dash}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
