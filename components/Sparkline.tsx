import type { SparklineView } from '@/lib/foresight/sparkline';
import { SPARKLINE_HEIGHT, SPARKLINE_WIDTH } from '@/lib/foresight/sparkline-size';

/**
 * Remaining AI credits over the last 30 days, with resets and top-ups marked and
 * the current value as a dot. Without a view yet, an empty box of the same size.
 */
export function Sparkline({ view }: { view: SparklineView | undefined }) {
  const width = view?.width ?? SPARKLINE_WIDTH;
  const height = view?.height ?? SPARKLINE_HEIGHT;
  const box = { width, height, viewBox: `0 0 ${width} ${height}` };
  if (!view) return <svg class="sparkline" aria-hidden="true" {...box} />;
  const { line, dot, marks, label } = view;
  return (
    <svg class="sparkline" role="img" aria-label={label} {...box}>
      <line class="sparkline-base" x1={0} x2={width} y1={height - 0.5} y2={height - 0.5} />
      {marks.map((mark) => (
        <line
          key={`${mark.kind}${mark.at}`}
          class={`sparkline-${mark.kind}`}
          x1={mark.x}
          x2={mark.x}
          y1={0}
          y2={height}
        />
      ))}
      {line && <polyline class="sparkline-line" points={line} />}
      {dot && <circle class="sparkline-dot" cx={dot.x} cy={dot.y} r={3} />}
    </svg>
  );
}
