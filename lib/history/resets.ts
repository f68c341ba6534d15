import type { HistoryPoint } from './points';

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
