import { isTopup } from '../history/resets';
import { atLocalMinutes, DAY } from '../history/calendar';
import type { HistoryPoint, UsageHistory } from '../history/points';
import type { DaySpend } from './daily-spend';

/** The spans the credits chart offers, in days. */
export const USAGE_SPANS = [30, 90, 365] as const;
export type UsageSpan = (typeof USAGE_SPANS)[number];

/** Both charts' box, in SVG units (they scale with the page); the plot sits inside the margins. */
export const CHART = { width: 640, height: 200, left: 56, right: 12, top: 10, bottom: 24 } as const;
const PLOT_WIDTH = CHART.width - CHART.left - CHART.right;
const PLOT_HEIGHT = CHART.height - CHART.top - CHART.bottom;
/** The bottom of the plot, where zero is. */
export const PLOT_BOTTOM = CHART.top + PLOT_HEIGHT;

export interface Tick {
  /** A count on the vertical axis, or a time on the horizontal one. */
  value: number;
  /** Its position along its axis (y for counts, x for times). */
  at: number;
}

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * At most four readings per pixel column in time order: each column's first, lowest, highest
 * and last. A line through them looks like the line through every reading (every fall and
 * every rise is there) at a few thousand points, however many readings there were.
 */
export function thinForDrawing(points: readonly HistoryPoint[], from: number, to: number, columns: number) {
  const kept: HistoryPoint[] = [];
  const width = Math.max(1, to - from);
  let column: HistoryPoint[] = [];
  let columnIndex = -1;
  const flush = () => {
    if (column.length === 0) return;
    const low = column.reduce((a, b) => (b.remaining < a.remaining ? b : a));
    const high = column.reduce((a, b) => (b.remaining > a.remaining ? b : a));
    const picked = new Set([column[0]!, low, high, column.at(-1)!]);
    kept.push(...column.filter((point) => picked.has(point)));
    column = [];
  };
  for (const point of points) {
    if (point.at < from || point.at > to) continue;
    const index = Math.min(columns - 1, Math.floor(((point.at - from) / width) * columns));
    if (index !== columnIndex) flush();
    columnIndex = index;
    column.push(point);
  }
  flush();
  return kept;
}

/** A round top for a count axis (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten), never below `max`. */
export function niceTop(max: number): number {
  if (max <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((factor) => factor * power >= max - 1e-9)!;
  return Math.round(step * power);
}

/** Zero, the top, and the middle when it is a whole count. */
function countTicks(top: number): Tick[] {
  return [0, 0.5, 1]
    .filter((share) => Number.isInteger(top * share))
    .map((share) => ({ value: top * share, at: round(PLOT_BOTTOM - share * PLOT_HEIGHT) }));
}

/** Five dates along a time axis, each at local midnight. */
function timeTicks(from: number, to: number, x: (at: number) => number): Tick[] {
  return [0, 0.25, 0.5, 0.75, 1]
    .map((share) => atLocalMinutes(from + share * (to - from), 0))
    .filter((at) => at >= from - DAY / 2)
    .map((at) => ({ value: at, at: x(Math.max(at, from)) }));
}

export interface CreditsChart {
  /** SVG polyline points, oldest first; empty without readings in the span. */
  line: string;
  marks: { kind: 'reset' | 'topup'; at: number; x: number }[];
  counts: Tick[];
  times: Tick[];
  /** The first and the latest reading's credits in the span; `null` without readings. */
  span: { first: number; last: number } | null;
}

/**
 * AI credits left over the last `days` days: time runs left to right over the whole span (a gap
 * shows as a straight stretch), the vertical scale starts at zero, resets and top-ups marked.
 */
export function creditsChart(history: UsageHistory, days: UsageSpan, now: number): CreditsChart {
  const from = now - days * DAY;
  const inSpan = history.points.filter((point) => point.at >= from && point.at <= now);
  const drawn = thinForDrawing(inSpan, from, now, PLOT_WIDTH);
  const top = niceTop(Math.max(0, ...drawn.map((point) => point.remaining)));
  const x = (at: number) => round(CHART.left + ((at - from) / (now - from)) * PLOT_WIDTH);
  const y = (remaining: number) => round(PLOT_BOTTOM - (remaining / top) * PLOT_HEIGHT);
  const resets = history.resets
    .filter(({ after }) => after >= from && after <= now)
    .map(({ after }) => ({ kind: 'reset' as const, at: after, x: x(after) }));
  const topups = inSpan.flatMap((point, index) =>
    index > 0 && isTopup(inSpan[index - 1]!, point) ? [{ kind: 'topup' as const, at: point.at, x: x(point.at) }] : [],
  );
  const first = inSpan[0];
  const last = inSpan.at(-1);
  return {
    line: drawn.map((point) => `${x(point.at)},${y(point.remaining)}`).join(' '),
    marks: [...resets, ...topups].toSorted((a, b) => a.at - b.at),
    counts: countTicks(top),
    times: timeTicks(from, now, x),
    span: first && last ? { first: first.remaining, last: last.remaining } : null,
  };
}

export interface SpendBars {
  bars: (DaySpend & { x: number; y: number; width: number; height: number })[];
  counts: Tick[];
  times: Tick[];
}

/** One bar per calendar day, all days as wide (a daylight-saving day is still one day), zero at the bottom. */
export function spendBars(days: readonly DaySpend[]): SpendBars {
  const top = niceTop(Math.max(0, ...days.map((day) => day.spent)));
  const slot = PLOT_WIDTH / Math.max(1, days.length);
  const gap = slot > 4 ? 1 : 0;
  const bars = days.map((day, index) => {
    const height = round((day.spent / top) * PLOT_HEIGHT);
    return {
      ...day,
      x: round(CHART.left + index * slot),
      width: round(slot - gap),
      y: round(PLOT_BOTTOM - height),
      height,
    };
  });
  const picked = [0, 0.25, 0.5, 0.75, 1].map((share) => Math.round(share * (days.length - 1)));
  const times = [...new Set(picked)].flatMap((index) => {
    const bar = bars[index];
    return bar ? [{ value: bar.start, at: round(bar.x + bar.width / 2) }] : [];
  });
  return { bars, counts: countTicks(top), times };
}
