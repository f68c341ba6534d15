import { calendarDaysBetween } from './calendar';
import type { HistoryPoint, ResetWindow } from './history';

/** "Near zero" after a reset: readings may come a while after it, when some credits are already spent. */
const NEAR_ZERO_SHARE = 0.1;

/**
 * A counter that fell to near zero: to at most `nearZero`, and to at most half of
 * what it was. A refunded job or a lagging replica takes back one or a few, not most.
 */
function fellToNearZero(before: number, after: number, nearZero: number): boolean {
  return after < before && after <= nearZero && after <= before / 2;
}

/**
 * A monthly reset shows as the period's counters falling to near zero, which nothing
 * else does: AI credits used falls to at most a tenth of the allocation (the same
 * allocation), or compressions used to at most a tenth of what it was. A top-up only
 * raises the top-up credits, so it is never taken for a reset.
 */
export function isReset(previous: HistoryPoint, next: HistoryPoint): boolean {
  const creditsReset =
    next.monthly === previous.monthly &&
    fellToNearZero(previous.used, next.used, Math.max(1, next.monthly * NEAR_ZERO_SHARE));
  const compressionsReset = fellToNearZero(
    previous.compressionsUsed,
    next.compressionsUsed,
    previous.compressionsUsed * NEAR_ZERO_SHARE,
  );
  return creditsReset || compressionsReset;
}

/**
 * Top-up credits only ever rise when a pack is bought (they are spent, and never
 * reset), so a rise is a top-up even when a reset came in the same poll.
 */
export function isTopup(previous: HistoryPoint, next: HistoryPoint): boolean {
  return next.topup > previous.topup;
}

/** What brought credits back between two readings, if anything; a reset and a top-up together count as the reset. */
export function creditsEvent(previous: HistoryPoint | undefined, next: HistoryPoint): 'reset' | 'topup' | null {
  if (!previous) return null;
  if (isReset(previous, next)) return 'reset';
  return isTopup(previous, next) ? 'topup' : null;
}

const daysInMonth = (year: number, month: number) => new Date(year, month + 1, 0).getDate();

/** Local midnight of `day` in a month, clamped to the month's length (31 → 30 April, 28/29 February). */
export function renewalInMonth(day: number, year: number, month: number): number {
  const date = new Date(year, month, 1);
  return new Date(
    date.getFullYear(),
    date.getMonth(),
    Math.min(day, daysInMonth(date.getFullYear(), date.getMonth())),
  ).getTime();
}

/** The first renewal on `day` (at local midnight) after `now`. */
export function nextRenewal(day: number, now: number): number {
  const today = new Date(now);
  const thisMonth = renewalInMonth(day, today.getFullYear(), today.getMonth());
  return thisMonth > now ? thisMonth : renewalInMonth(day, today.getFullYear(), today.getMonth() + 1);
}

export interface ResetInfo {
  /** Day of the month the plan renews on. */
  day: number;
  /** Whether the user set the day or it was inferred from an observed reset. */
  source: 'user' | 'detected';
  /** The last observed reset, when there is one. */
  detectedAt: number | null;
  nextAt: number;
  daysUntil: number;
}

/** The renewal day from the last observed reset, in local time. */
export function inferredRenewalDay(resets: readonly ResetWindow[]): { day: number; detectedAt: number } | null {
  const last = resets.at(-1)?.after;
  return last === undefined ? null : { day: new Date(last).getDate(), detectedAt: last };
}

/** When the monthly credits come back; `null` when no reset was seen and the user set no day. */
export function resetInfo(userDay: number | null, resets: readonly ResetWindow[], now: number): ResetInfo | null {
  const inferred = inferredRenewalDay(resets);
  const day = userDay ?? inferred?.day;
  if (day === undefined) return null;
  const nextAt = nextRenewal(day, now);
  return {
    day,
    source: userDay === null ? 'detected' : 'user',
    detectedAt: inferred?.detectedAt ?? null,
    nextAt,
    daysUntil: calendarDaysBetween(now, nextAt),
  };
}
