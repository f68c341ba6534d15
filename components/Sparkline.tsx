import type { UsageHistory } from '@/lib/history';
import { t } from '@/lib/i18n';
import { sparklineGeometry, sparklineLabel } from '@/lib/sparkline';

export const SPARKLINE_WIDTH = 288;
export const SPARKLINE_HEIGHT = 44;

interface SparklineProps {
  /** `undefined` while the history is still being read: an empty box of the same size. */
  history: UsageHistory | undefined;
  now: number;
  locale: string;
}

/** Remaining AI credits over the last 30 days, with resets and top-ups marked. */
export function Sparkline({ history, now, locale }: SparklineProps) {
  const box = {
    width: SPARKLINE_WIDTH,
    height: SPARKLINE_HEIGHT,
    viewBox: `0 0 ${SPARKLINE_WIDTH} ${SPARKLINE_HEIGHT}`,
  };
  if (!history) return <svg class="sparkline" aria-hidden="true" {...box} />;
  const { line, dot, marks } = sparklineGeometry(history, now, SPARKLINE_WIDTH, SPARKLINE_HEIGHT);
  return (
    <svg class="sparkline" role="img" aria-label={sparklineLabel(history, now, locale, t)} {...box}>
      <line
        class="sparkline-base"
        x1={0}
        x2={SPARKLINE_WIDTH}
        y1={SPARKLINE_HEIGHT - 0.5}
        y2={SPARKLINE_HEIGHT - 0.5}
      />
      {marks.map((mark) => (
        <line
          key={`${mark.kind}${mark.at}`}
          class={`sparkline-${mark.kind}`}
          x1={mark.x}
          x2={mark.x}
          y1={0}
          y2={SPARKLINE_HEIGHT}
        />
      ))}
      {line && <polyline class="sparkline-line" points={line} />}
      {dot && <circle class="sparkline-dot" cx={dot.x} cy={dot.y} r={3} />}
    </svg>
  );
}
