import { formatCount, formatDate } from '@/lib/display/format';
import { CHART, PLOT_BOTTOM, type Tick } from '@/lib/usage/chart';

/** A chart's count axis (gridlines with their counts at the left) and its date axis along the bottom. */
export function ChartAxes({
  counts,
  times,
  now,
  locale,
}: {
  counts: Tick[];
  times: Tick[];
  now: number;
  locale: string;
}) {
  return (
    <g class="chart-axes">
      {counts.map((tick) => (
        <g key={`c${tick.value}`}>
          <line class="chart-grid" x1={CHART.left} x2={CHART.width - CHART.right} y1={tick.at} y2={tick.at} />
          <text x={CHART.left - 6} y={tick.at} text-anchor="end" dominant-baseline="middle">
            {formatCount(tick.value, locale)}
          </text>
        </g>
      ))}
      {times.map((tick, index) => (
        <text
          key={`t${tick.value}`}
          x={tick.at}
          y={PLOT_BOTTOM + 16}
          text-anchor={index === 0 ? 'start' : index === times.length - 1 ? 'end' : 'middle'}
        >
          {formatDate(tick.value, now, locale)}
        </text>
      ))}
    </g>
  );
}
