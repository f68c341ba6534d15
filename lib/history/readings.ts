import { creditsEvent, isReset } from './resets';
import { DAY, HOUR, localDay } from './calendar';
import { toHistoryPoint, type HistoryPoint, type UsageHistory } from './points';
import type { UsageSnapshot } from '../account/usage';

export const FULL_DETAIL_FOR = 48 * HOUR;
export const HOURLY_FOR = 35 * DAY;
export const DAILY_FOR = 400 * DAY;
/** Which bucket a point falls in at this age; points sharing a bucket keep only the latest. */
function bucketOf(at: number, now: number): number {
  const age = now - at;
  if (age <= FULL_DETAIL_FOR) return -at;
  if (age <= HOURLY_FOR) return Math.floor(at / HOUR);
  return 1e12 + localDay(at);
}

/** Adds `points` to already thinned `kept`, keeping only the latest point of each bucket. */
function thinInto(kept: HistoryPoint[], points: readonly HistoryPoint[], now: number): HistoryPoint[] {
  let lastBucket = kept.length > 0 ? bucketOf(kept.at(-1)!.at, now) : Number.NaN;
  for (const point of points) {
    if (point.at > now || now - point.at > DAILY_FOR) continue;
    const previous = kept.at(-1);
    if (previous && previous.at >= point.at) continue;
    const bucket = bucketOf(point.at, now);
    if (previous && bucket === lastBucket) kept[kept.length - 1] = point;
    else kept.push(point);
    lastBucket = bucket;
  }
  return kept;
}

/**
 * Keeps every point of the last 48 hours, the last point of each hour for 35 days
 * and the last point of each local day for 400 days. Points dated after `now`
 * (the clock was turned back) are dropped: the current clock is the only one trusted.
 */
export function downsample(points: readonly HistoryPoint[], now: number): HistoryPoint[] {
  return thinInto([], points, now);
}

/**
 * How many leading points were already thinned to one a day: those more than 36
 * days older than the newest point, as long as they are spaced like daily points.
 * Re-thinning them on every poll would cost a date computation per point.
 */
function settledLength(points: readonly HistoryPoint[]): number {
  const newest = points.at(-1)?.at ?? 0;
  let length = 0;
  while (length < points.length && newest - points[length]!.at > HOURLY_FOR + DAY) {
    if (length > 0 && points[length]!.at - points[length - 1]!.at < 20 * HOUR) return 0;
    length += 1;
  }
  return length;
}

/** The history with a new reading added, a reset noted if it shows one, and old detail thinned out. */
export function appendPoint(history: UsageHistory, point: HistoryPoint, now: number): UsageHistory {
  const earlier = history.points.filter((p) => p.at < point.at && p.at <= now);
  const previous = earlier.at(-1);
  const resets = history.resets.filter(({ after }) => after < point.at && after <= now && now - after <= DAILY_FOR);
  if (previous && isReset(previous, point)) resets.push({ before: previous.at, after: point.at });
  const settled = settledLength(earlier);
  const kept = earlier.slice(0, settled).filter((p) => now - p.at <= DAILY_FOR);
  return { points: thinInto(kept, [...earlier.slice(settled), point], now), resets };
}

/**
 * Adds a successful check to the history, and tells what brought credits back
 * since the check before (for the "credits are back" alert).
 */
export function recordReading(
  history: UsageHistory,
  snapshot: UsageSnapshot,
  now: number,
): { history: UsageHistory; event: { kind: 'reset' | 'topup'; at: number } | null } {
  const point = toHistoryPoint(snapshot);
  const kind = creditsEvent(history.points.filter((p) => p.at < point.at).at(-1), point);
  return { history: appendPoint(history, point, now), event: kind && { kind, at: point.at } };
}
