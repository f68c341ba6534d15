import { isTopup } from '../history/resets';
import { DAY } from '../history/calendar';
import { formatCount } from '../display/format';
import type { UsageHistory } from '../history/points';
import type { Translate } from '../platform/i18n';
import { counted } from '../display/plural';
import { formatDate } from '../display/format';
import { SPARKLINE_HEIGHT, SPARKLINE_WIDTH } from './sparkline-size';

export const SPARKLINE_SPAN = 30 * DAY;
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

/** The chart as the worker stores it: its geometry, and the readings its words describe. */
export interface SparklineFacts extends SparklineGeometry {
  width: number;
  height: number;
  /** The first and the latest reading's credits in the span; `null` without readings. */
  span: { first: number; last: number } | null;
}

/** Everything the sparkline component draws, in plain data. */
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

/** The last 30 days up to `now` as data, in the popup's size: what the worker stores. */
export function sparklineFacts(history: UsageHistory, now: number): SparklineFacts {
  const { points } = recent(history, now);
  const first = points[0];
  const last = points.at(-1);
  return {
    ...sparklineGeometry(history, now, SPARKLINE_WIDTH, SPARKLINE_HEIGHT),
    width: SPARKLINE_WIDTH,
    height: SPARKLINE_HEIGHT,
    span: first && last ? { first: first.remaining, last: last.remaining } : null,
  };
}

/** The chart in words, for its accessible name, in the language and by the clock of the page. */
export function sparklineLabel(facts: SparklineFacts, now: number, locale: string, t: Translate): string {
  const { span, marks } = facts;
  if (!span) return t('sparklineEmpty');
  const list = (kind: SparklineEvent['kind']) =>
    marks.filter((event) => event.kind === kind).map((event) => formatDate(event.at, now, locale));
  const dates = (days: string[]) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(new Set(days));
  const topups = list('topup');
  const resets = list('reset');
  const parts = [t('sparklineLabel', formatCount(span.first, locale), formatCount(span.last, locale))];
  if (resets.length > 0) parts.push(t('sparklineResets', dates(resets)));
  if (topups.length > 0) parts.push(counted(t, locale, 'sparklineTopups', topups.length, dates(topups)));
  return parts.join(', ');
}

export function sparklineView(facts: SparklineFacts, now: number, locale: string, t: Translate): SparklineView {
  const { line, dot, marks, width, height } = facts;
  return { line, dot, marks, width, height, label: sparklineLabel(facts, now, locale, t) };
}
