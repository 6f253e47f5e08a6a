// The records one indicator counted, as far as the reader may see them (workers: their team's).
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { ErrorAlert } from '@/components/ui/ErrorAlert';
import { Loading } from '@/components/ui/Loading';
import { useRecords } from '../api/get-records';

export function DrillDown({ reportId, code, onClose }: { reportId: number; code: string; onClose: () => void }) {
  const { t } = useTranslation();
  const records = useRecords(reportId, code);
  return (
    <section className="drilldown" aria-labelledby="drilldown-title">
      <h2 id="drilldown-title">{t('reports.drill.title', { code })}</h2>
      {records.isPending ? <Loading /> : null}
      {records.isError ? <ErrorAlert error={records.error} /> : null}
      {records.data ? (
        <>
          <p>
            {t('reports.drill.counted', { count: records.data.counted })}
            {records.data.not_shown > 0 ? ` ${t('reports.drill.notShown', { count: records.data.not_shown })}` : ''}
          </p>
          <ul>
            {records.data.items.map((item) =>
              records.data.entity === 'person' ? (
                <li key={item.id}>
                  <Link to={`/people/${item.id}`}>
                    {item.given_names} {item.surname}
                  </Link>
                </li>
              ) : (
                <li key={item.id}>#{item.id}</li>
              ),
            )}
          </ul>
        </>
      ) : null}
      <Button variant="secondary" onClick={onClose}>
        {t('reports.drill.close')}
      </Button>
    </section>
  );
}
