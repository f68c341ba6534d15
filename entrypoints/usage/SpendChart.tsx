import { t } from '@/lib/platform/i18n';
import { CHART, spendBars } from '@/lib/usage/chart';
import { spendChartLabel } from '@/lib/usage/chart-words';
import type { DaySpend } from '@/lib/usage/daily-spend';
import { ChartAxes } from './ChartAxes';

/** AI credits spent on each local calendar day of the span, one bar a day; its name gives the total and the top day. */
export function SpendChart({ days, now, locale }: { days: DaySpend[]; now: number; locale: string }) {
  const { bars, counts, times } = spendBars(days);
  return (
    <figure class="usage-chart" aria-labelledby="spend-heading">
      <figcaption id="spend-heading">{t('usageSpendHeading')}</figcaption>
      <svg
        role="img"
        aria-label={spendChartLabel(days, now, locale, t)}
        viewBox={`0 0 ${CHART.width} ${CHART.height}`}
        class="chart"
      >
        <ChartAxes counts={counts} times={times} now={now} locale={locale} />
        {bars.map((bar) =>
          bar.height > 0 ? (
            <rect key={bar.day} class="chart-bar" x={bar.x} y={bar.y} width={bar.width} height={bar.height} />
          ) : null,
        )}
      </svg>
    </figure>
  );
}
