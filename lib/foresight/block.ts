import { resetEvidence, type ResetEvidence } from './next-reset';
import { forecastCredits, type Forecast } from './forecast';
import type { UsageHistory } from '../history/points';
import { sparklineFacts, type SparklineFacts } from './sparkline';
import type { MonthUse } from './plan';

/**
 * The popup's forecast block as facts, no words: the worker computes it after each check
 * and stores it, and the popup puts it into words with its own clock and language
 * (lib/foresight/block-words.ts), so a block computed yesterday, or in another language,
 * never shows stale or foreign words.
 */
export interface InsightsView {
  forecast: Forecast;
  /** What the next reset is learned from; the popup works out the date for its own "now". */
  renewal: ResetEvidence & { userDay: number | null };
  /** The AI credits left at the last check. */
  remaining: number;
  sparkline: SparklineFacts;
  /**
   * This period's monthly credits at the last reading, for the pace against the month. Absent
   * without a reading, and in blocks stored before it existed: they show no pace line.
   */
  month?: MonthUse;
}

export interface InsightsInput {
  history: UsageHistory;
  /** The AI credits left now (from the latest snapshot). */
  remaining: number;
  /** The renewal day the user set, if any. */
  renewalDay: number | null;
  now: number;
}

export function insightsView(input: InsightsInput): InsightsView {
  const { history, remaining, renewalDay, now } = input;
  return {
    forecast: forecastCredits(history, now),
    renewal: { userDay: renewalDay, ...resetEvidence(history, now) },
    remaining,
    sparkline: sparklineFacts(history, now),
    ...latestMonth(history, now),
  };
}

/** The monthly credits used and allotted at the latest reading up to `now`, if there is one. */
function latestMonth(history: UsageHistory, now: number): { month?: MonthUse } {
  const latest = history.points.findLast((point) => point.at <= now);
  return latest ? { month: { used: latest.used, monthly: latest.monthly } } : {};
}
