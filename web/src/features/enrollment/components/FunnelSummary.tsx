// The school year's funnel as a table: how many cases reached each stage, and the outcome.
import { useTranslation } from 'react-i18next';
import { formatNumber } from '@/lib/format';
import { useLanguage } from '@/lib/use-language';
import type { Funnel } from '../types';

const rows = [
  'cases',
  'application_filed',
  'zapis_attended',
  'decision',
  'admitted',
  'not_admitted',
  'deferral_granted',
  'appeals_filed',
  'appeals_won',
  'appeals_late',
  'started_attending',
  'attending_3_months',
  'attending_12_months',
  'enrolled',
  'enrolled_non_segregated',
] as const;

export function FunnelSummary({ funnel }: { funnel: Funnel }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <div className="table-scroll">
      <table className="table table--compact">
        <caption>{t('enrollment.funnel.caption', { year: funnel.school_year_label })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('enrollment.funnel.step')}</th>
            <th scope="col">{t('enrollment.funnel.count')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((key) => {
            const value = funnel.counts[key];
            return (
              <tr key={key}>
                <th scope="row">{t(`enrollment.funnel.rows.${key}`)}</th>
                <td>{value === null || value === undefined ? t('enrollment.funnel.suppressed') : formatNumber(value, lang)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
