// A chart and its data: a titled figure, the picture (described for screen readers) and the table
// with the same numbers, open or behind a "show the table" toggle. Look, then read.
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type ChartFigureProps = {
  title: ReactNode;
  /** A sentence under the title: what is measured and which way is better. */
  description?: ReactNode;
  chart: ReactNode;
  table: ReactNode;
  /** The table shows at once instead of behind the toggle. */
  tableOpen?: boolean;
  headingLevel?: 2 | 3;
};

export function ChartFigure({ title, description, chart, table, tableOpen = false, headingLevel = 3 }: ChartFigureProps) {
  const { t } = useTranslation();
  const id = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <figure className="chart-figure" aria-labelledby={`${id}-title`}>
      <figcaption className="chart-figure__caption">
        <Heading className="chart-figure__title" id={`${id}-title`}>
          {title}
        </Heading>
        {description ? <p className="chart-figure__description">{description}</p> : null}
      </figcaption>
      <div className="chart-figure__chart">{chart}</div>
      <details className="chart-figure__table" open={tableOpen || undefined}>
        <summary>{t('analytics.chart.table')}</summary>
        <div className="table-scroll">{table}</div>
      </details>
    </figure>
  );
}
