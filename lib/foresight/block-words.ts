import { resetInfo } from './next-reset';
import { calendarDaysBetween, DAY } from '../history/calendar';
import type { Forecast } from './forecast';
import type { Translate } from '../platform/i18n';
import { insightLines, type InsightLines } from './words';
import type { StoredInsightsView } from './block-item';
import { sparklineView, type SparklineView } from './sparkline';

/** What the forecast block shows, in the page's language and by the page's clock. */
export interface InsightsWords {
  lines: InsightLines;
  sparkline: SparklineView;
  /** "As of Dec 1, 6:16 PM" when the facts are from an earlier day than today; `null` when from today. */
  asOf: string | null;
  /** When the monthly counters come back, if the renewal day is known (set or detected). */
  nextResetAt: number | null;
}

/** A pace measured earlier, counted from `now`: the run-out day stays, the days left to it shrink. */
function forecastFrom(forecast: Forecast, now: number): Forecast {
  if (forecast.kind !== 'pace') return forecast;
  return {
    ...forecast,
    daysLeft: Math.max(0, (forecast.runOutAt - now) / DAY),
    runOutAt: Math.max(forecast.runOutAt, now),
  };
}

/** "Dec 1, 6:16 PM", with the year when it is not this year's. */
function formatMoment(at: number, now: number, locale: string): string {
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  return new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    year: sameYear ? undefined : 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(at);
}

/**
 * The stored facts in words at `now`. `readAt` is when the numbers shown beside the block
 * were fetched; the block is as old as the older of the two. From an earlier day it still
 * says what it knows, marked as of when. A reset since then makes the old pace meaningless:
 * it waits for the next check instead.
 */
export function insightsWords(
  stored: StoredInsightsView,
  readAt: number,
  now: number,
  locale: string,
  t: Translate,
): InsightsWords {
  const { forecast, renewal, remaining, sparkline, month } = stored.view;
  const asOf = Math.min(stored.computedAt, readAt);
  const reset = resetInfo(renewal.userDay, renewal, now);
  const resetThen = resetInfo(renewal.userDay, renewal, asOf);
  const lines = insightLines(
    { forecast: forecastFrom(forecast, now), reset, remaining, now, asOf, month: month ?? null },
    locale,
    t,
  );
  // The renewal was expected after these facts: their pace is likely from the old period.
  const resetSince = resetThen !== null && resetThen.nextAt > asOf && resetThen.nextAt <= now;
  return {
    lines: resetSince ? { ...lines, pace: t('forecastAfterReset'), outlook: null, plan: [] } : lines,
    sparkline: sparklineView(sparkline, now, locale, t),
    asOf: calendarDaysBetween(asOf, now) === 0 ? null : t('forecastAsOf', formatMoment(asOf, now, locale)),
    // Due, it comes any time now: not on a day already past.
    nextResetAt: reset && Math.max(reset.nextAt, now),
  };
}
