import { resetInfo } from './billing-period';
import { forecastCredits } from './forecast';
import type { UsageHistory } from './history';
import type { Translate } from './i18n';
import { insightLines, type InsightLines } from './insight-words';
import { sparklineView, type SparklineView } from './sparkline';

/**
 * The popup's forecast block as plain data: sentences and the sparkline's geometry.
 * Computed in the popup, or by the worker after each check and stored, so that the
 * popup needs only the small component that draws it.
 */
export interface InsightsView {
  lines: InsightLines;
  sparkline: SparklineView;
  /** When the monthly counters come back, if the renewal day is known (set or detected). */
  nextResetAt?: number | null;
}

export interface InsightsInput {
  history: UsageHistory;
  /** The AI credits left now (from the latest snapshot). */
  remaining: number;
  /** The renewal day the user set, if any. */
  renewalDay: number | null;
  now: number;
}

export function insightsView(input: InsightsInput, locale: string, t: Translate): InsightsView {
  const { history, remaining, renewalDay, now } = input;
  const forecast = forecastCredits(history, now);
  const reset = resetInfo(renewalDay, history, now);
  return {
    lines: insightLines({ forecast, reset, remaining, now }, locale, t),
    sparkline: sparklineView(history, now, locale, t),
    // Due, it comes any time now: not on a day already past.
    nextResetAt: reset && Math.max(reset.nextAt, now),
  };
}
