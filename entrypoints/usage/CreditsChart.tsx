import { useMemo } from 'preact/hooks';
import type { UsageHistory } from '@/lib/history/points';
import { t } from '@/lib/platform/i18n';
import { CHART, PLOT_BOTTOM, creditsChart, type UsageSpan } from '@/lib/usage/chart';
import { creditsChartLabel } from '@/lib/usage/chart-words';
import { ChartAxes } from './ChartAxes';

interface CreditsChartProps {
  history: UsageHistory;
  span: UsageSpan;
  now: number;
  locale: string;
}

/** AI credits left over the span, resets and top-ups marked; its name says it in words. */
export function CreditsChart({ history, span, now, locale }: CreditsChartProps) {
  const chart = useMemo(() => creditsChart(history, span, now), [history, span, now]);
  const label = creditsChartLabel(chart, span, now, locale, t);
  const kinds = new Set(chart.marks.map((mark) => mark.kind));
  return (
    <figure class="usage-chart" aria-labelledby="credits-heading">
      <figcaption id="credits-heading">{t('usageCreditsHeading')}</figcaption>
      <svg role="img" aria-label={label} viewBox={`0 0 ${CHART.width} ${CHART.height}`} class="chart">
        <ChartAxes counts={chart.counts} times={chart.times} now={now} locale={locale} />
        {chart.marks.map((mark) => (
          <line
            key={`${mark.kind}${mark.at}`}
            class={`chart-${mark.kind}`}
            x1={mark.x}
            x2={mark.x}
            y1={CHART.top}
            y2={PLOT_BOTTOM}
          />
        ))}
        {chart.line && <polyline class="chart-line" points={chart.line} />}
      </svg>
      {kinds.size > 0 && (
        <p class="chart-legend" aria-hidden="true">
          {kinds.has('reset') && <span class="legend-reset">{t('usageLegendReset')}</span>}
          {kinds.has('topup') && <span class="legend-topup">{t('usageLegendTopup')}</span>}
        </p>
      )}
    </figure>
  );
}
