import { isTopup } from './reset-evidence';
import { DAY } from './calendar';
import { formatCount } from './format';
import type { UsageHistory } from './history';
import type { Translate } from './i18n';
import { formatDay } from './insight-words';

export const SPARKLINE_SPAN = 30 * DAY;
/** The popup's content width, and a height that reads well at it. */
export const SPARKLINE_WIDTH = 288;
export const SPARKLINE_HEIGHT = 44;
/** Room at the edges for the current-value dot. */
const INSET = 3;

export interface SparklineEvent {
  kind: 'reset' | 'topup';
  at: number;
}

export interface SparklineGeometry {
  /** SVG polyline points, oldest first; empty without readings. */
  line: string;
  /** The latest reading. */
  dot: { x: number; y: number } | null;
  marks: (SparklineEvent & { x: number })[];
}

/** Everything the sparkline component draws, in plain data (it can be computed anywhere and stored). */
export interface SparklineView extends SparklineGeometry {
  width: number;
  height: number;
  /** The chart in words: its accessible name. */
  label: string;
}

const round = (value: number) => Math.round(value * 10) / 10;

function recent(history: UsageHistory, now: number) {
  const from = now - SPARKLINE_SPAN;
  const points = history.points.filter((p) => p.at >= from && p.at <= now);
  const events: SparklineEvent[] = [
    ...history.resets
      .filter(({ after }) => after >= from && after <= now)
      .map(({ after }) => ({ kind: 'reset' as const, at: after })),
    ...points.flatMap((point, i) =>
      i > 0 && isTopup(points[i - 1]!, point) ? [{ kind: 'topup' as const, at: point.at }] : [],
    ),
  ].toSorted((a, b) => a.at - b.at);
  return { from, points, events };
}

/**
 * Remaining AI credits over the last 30 days in a `width` × `height` box: time runs
 * left to right over the whole span (so a gap shows as a straight stretch), and the
 * vertical scale starts at zero so a fall looks as large as it is.
 */
export function sparklineGeometry(
  history: UsageHistory,
  now: number,
  width: number,
  height: number,
): SparklineGeometry {
  const { from, points, events } = recent(history, now);
  const top = Math.max(1, ...points.map((p) => p.remaining));
  const x = (at: number) => round(INSET + ((at - from) / SPARKLINE_SPAN) * (width - 2 * INSET));
  const y = (remaining: number) => round(INSET + (1 - remaining / top) * (height - 2 * INSET));
  const last = points.at(-1);
  return {
    line: points.map((p) => `${x(p.at)},${y(p.remaining)}`).join(' '),
    dot: last ? { x: x(last.at), y: y(last.remaining) } : null,
    marks: events.map((event) => ({ ...event, x: x(event.at) })),
  };
}

/** The chart in words, for its accessible name. */
export function sparklineLabel(history: UsageHistory, now: number, locale: string, t: Translate): string {
  const { points, events } = recent(history, now);
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return t('sparklineEmpty');
  const list = (kind: SparklineEvent['kind']) =>
    events.filter((event) => event.kind === kind).map((event) => formatDay(event.at, now, locale));
  const dates = (days: string[]) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(new Set(days));
  const topups = list('topup');
  const resets = list('reset');
  const parts = [t('sparklineLabel', formatCount(first.remaining, locale), formatCount(last.remaining, locale))];
  if (resets.length > 0) parts.push(t('sparklineResets', dates(resets)));
  if (topups.length === 1) parts.push(t('sparklineTopupOne', topups[0]!));
  if (topups.length > 1) parts.push(t('sparklineTopups', formatCount(topups.length, locale), dates(topups)));
  return parts.join(', ');
}

export function sparklineView(history: UsageHistory, now: number, locale: string, t: Translate): SparklineView {
  return {
    ...sparklineGeometry(history, now, SPARKLINE_WIDTH, SPARKLINE_HEIGHT),
    width: SPARKLINE_WIDTH,
    height: SPARKLINE_HEIGHT,
    label: sparklineLabel(history, now, locale, t),
  };
}
