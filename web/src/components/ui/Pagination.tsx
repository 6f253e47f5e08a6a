// Previous / next paging with the position said in words ("Page 2 of 5, 230 records").
import { useTranslation } from 'react-i18next';
import { formatNumber } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';
import { Button } from './Button';

type PaginationProps = {
  page: number;
  pageSize: number;
  total: number;
  onPageChange: (page: number) => void;
  label: string;
};

export function Pagination({ page, pageSize, total, onPageChange, label }: PaginationProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="pagination" aria-label={label}>
      <Button variant="secondary" disabled={page <= 1} onClick={() => onPageChange(page - 1)}>
        <span aria-hidden="true">← </span>
        {t('pagination.previous')}
      </Button>
      <p className="pagination__status" aria-live="polite">
        {t('pagination.status', {
          page: formatNumber(page, lang),
          pages: formatNumber(pages, lang),
          total: formatNumber(total, lang),
          count: total,
        })}
      </p>
      <Button variant="secondary" disabled={page >= pages} onClick={() => onPageChange(page + 1)}>
        {t('pagination.next')}
        <span aria-hidden="true"> →</span>
      </Button>
    </nav>
  );
}
