// One section's indicators: target against actual, progress, the gender cells or other breakdown,
// and a drill-down button for readers allowed to see the counted records.
import { useTranslation } from 'react-i18next';
import { Button } from '@/components/ui/Button';
import { useLanguage } from '@/lib/use-language';
import type { Comparison, Indicator } from '../api/schemas';
import { breakdownLabel, indicatorName, valueText } from './format';

type IndicatorTableProps = {
  caption: string;
  indicators: Indicator[];
  comparison?: Comparison[];
  onDrillDown?: (code: string) => void;
};

const genders = ['female', 'male', 'non_binary'] as const;

export function IndicatorTable({ caption, indicators, comparison, onDrillDown }: IndicatorTableProps) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const byCode = new Map((comparison ?? []).map((c) => [c.code, c]));
  return (
    <div className="table-scroll">
      <table className="table indicator-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reports.table.code')}</th>
            <th scope="col">{t('reports.table.indicator')}</th>
            <th scope="col" className="num">{t('reports.table.target')}</th>
            <th scope="col" className="num">{t('reports.table.actual')}</th>
            <th scope="col" className="num">{t('reports.table.progress')}</th>
            {genders.map((g) => (
              <th scope="col" className="num" key={g}>
                {breakdownLabel(g, t)}
              </th>
            ))}
            <th scope="col">{t('reports.table.breakdown')}</th>
            {comparison ? <th scope="col" className="num">{t('reports.table.now')}</th> : null}
            {onDrillDown ? <th scope="col">{t('reports.table.records')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {indicators.map((i) => {
            const gender = i.breakdown_kind === 'gender';
            const cmp = byCode.get(i.code);
            return (
              <tr key={i.code}>
                <th scope="row">{i.code}</th>
                <td>
                  {indicatorName(i, lang)}
                  {i.status === 'unavailable' ? (
                    <p className="unavailable">
                      {t('reports.unavailable')}: {i.reason}
                    </p>
                  ) : null}
                </td>
                <td className="num">{i.target === null ? '–' : valueText(i.target, false, lang, t)}</td>
                <td className="num">{i.status === 'ok' ? valueText(i.value, i.suppressed, lang, t) : t('reports.unavailableShort')}</td>
                <td className="num">{i.progress_percent === null ? '–' : `${valueText(i.progress_percent, false, lang, t)} %`}</td>
                {genders.map((g) => {
                  const c = gender ? i.breakdown.find((b) => b.key === g) : undefined;
                  return (
                    <td className="num" key={g}>
                      {c ? valueText(c.value, c.suppressed, lang, t) : '–'}
                    </td>
                  );
                })}
                <td>
                  {gender
                    ? null
                    : i.breakdown.map((b) => `${breakdownLabel(b.key, t)}: ${valueText(b.value, b.suppressed, lang, t)}`).join(', ')}
                </td>
                {comparison ? (
                  <td className="num">
                    {cmp && cmp.now !== null ? valueText(cmp.now, false, lang, t) : '–'}
                    {cmp && cmp.difference ? ` (${cmp.difference > 0 ? '+' : ''}${valueText(cmp.difference, false, lang, t)})` : ''}
                  </td>
                ) : null}
                {onDrillDown ? (
                  <td>
                    {i.status === 'ok' && i.counted > 0 ? (
                      <Button variant="ghost" onClick={() => onDrillDown(i.code)} aria-label={t('reports.drill.open', { code: i.code })}>
                        {t('reports.drill.button')}
                      </Button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
