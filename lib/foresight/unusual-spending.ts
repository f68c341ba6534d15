import { isReset, isTopup } from '../history/resets';
import { DAY, HOUR } from '../history/calendar';
import type { HistoryPoint, UsageHistory } from '../history/points';
import { spentBetween } from './forecast';

/**
 * The unusual-spending alarm's rules in one table (docs/notifications.md says why each).
 * "Hourly spend" is measured per clock hour that holds readings: the credits spent over the
 * intervals that end in that hour, divided by the time those intervals cover. An hour of
 * 15-minute checks is the spend in that hour; the first check after a night away spreads
 * the night's spend over the night. Hours without a reading do not count.
 */
export const SPENDING_RULES = {
  /** The usual pace is the median hourly spend over this long before the newest reading. */
  usualWindow: 7 * DAY,
  /** Spending at least this many times the usual pace is unusual… */
  factor: 5,
  /** …and at least this share of the monthly allocation… */
  floorShare: 0.02,
  /** …or this many credits, whichever is larger: as credits spent, and as credits an hour. */
  floorCredits: 20,
  /** Less history than this says nothing about what is usual. */
  minHistory: DAY,
  /** An episode ends once the pace has been normal this long; a spike after that is a new one. */
  calmFor: 3 * HOUR,
};

/** What the newest reading says of the spending since the one before it. */
export type SpendingReading =
  /** Nothing to compare: the first day of history, or a reset, a top-up or a plan change since the reading before. */
  | { kind: 'unknown' }
  | { kind: 'normal' }
  | {
      kind: 'spike';
      /** AI credits spent since the previous reading. */
      spent: number;
      /** Time since the previous reading. */
      periodMs: number;
      /** How many times the usual hourly pace; `null` when the usual pace is none at all. */
      multiple: number | null;
    };

/** Whether credits moved between two readings for a reason other than spending. */
const notSpending = (previous: HistoryPoint, next: HistoryPoint) =>
  isReset(previous, next) || isTopup(previous, next) || previous.monthly !== next.monthly;

function median(values: number[]): number {
  const sorted = values.toSorted((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * The account's usual pace in AI credits an hour: the median hourly spend (see
 * `SPENDING_RULES`) over the intervals ending in `(until − usualWindow, until]`; `null`
 * without one. Intervals with a reset or a plan change are left out: their spend is unknown.
 */
export function usualHourlySpend(points: readonly HistoryPoint[], until: number): number | null {
  const hours = new Map<number, { spent: number; ms: number }>();
  for (let index = 1; index < points.length; index += 1) {
    const previous = points[index - 1]!;
    const next = points[index]!;
    const ms = next.at - previous.at;
    if (next.at > until || next.at <= until - SPENDING_RULES.usualWindow || ms <= 0) continue;
    if (isReset(previous, next) || previous.monthly !== next.monthly) continue;
    const hour = Math.floor(next.at / HOUR);
    const bucket = hours.get(hour) ?? { spent: 0, ms: 0 };
    hours.set(hour, { spent: bucket.spent + spentBetween(previous, next), ms: bucket.ms + ms });
  }
  const rates = [...hours.values()].map(({ spent, ms }) => (spent / ms) * HOUR);
  return rates.length === 0 ? null : median(rates);
}

/** The least that counts as unusual, in credits and in credits an hour. */
export const spendingFloor = (monthly: number) =>
  Math.max(SPENDING_RULES.floorShare * monthly, SPENDING_RULES.floorCredits);

/**
 * Whether the spend since the previous reading is unusual: at an hourly rate at least
 * `factor` times the usual pace and at least the floor, and at least the floor in credits
 * (so neither a few credits in a minute nor a long gap's total is a spike). Readings dated
 * after `now` (a clock turned back) are left out.
 */
export function readSpending(history: UsageHistory, now: number): SpendingReading {
  const points = history.points.filter((point) => point.at <= now).toSorted((a, b) => a.at - b.at);
  const [previous, last] = points.slice(-2);
  const first = points[0];
  if (!first || !previous || !last || last.at - first.at < SPENDING_RULES.minHistory) return { kind: 'unknown' };
  if (notSpending(previous, last)) return { kind: 'unknown' };
  const usual = usualHourlySpend(points.slice(0, -1), previous.at);
  if (usual === null) return { kind: 'unknown' };
  const spent = spentBetween(previous, last);
  const periodMs = last.at - previous.at;
  const perHour = (spent / periodMs) * HOUR;
  const floor = spendingFloor(last.monthly);
  if (spent < floor || perHour < floor || perHour < SPENDING_RULES.factor * usual) return { kind: 'normal' };
  return { kind: 'spike', spent, periodMs, multiple: usual > 0 ? perHour / usual : null };
}

/** An episode of unusual spending, as remembered: `null` when there is none. */
export interface SpendingEpisode {
  /** When its notification fired. */
  startedAt: number;
  /** The last reading that found spending unusual: the calm is counted from it. */
  lastSpikeAt: number;
}

/**
 * Once per episode: the first spike announces and starts one; later spikes extend it; it ends
 * at a normal reading `calmFor` after the last spike. A reading that says nothing (a reset, a
 * top-up) leaves it as it is. A last spike dated after `at` (a clock turned back) counts from `at`.
 */
export function decideUnusualSpending(
  episode: SpendingEpisode | null,
  reading: SpendingReading,
  at: number,
): { announce: Extract<SpendingReading, { kind: 'spike' }> | null; episode: SpendingEpisode | null } {
  if (reading.kind === 'spike') {
    return episode
      ? { announce: null, episode: { ...episode, lastSpikeAt: at } }
      : { announce: reading, episode: { startedAt: at, lastSpikeAt: at } };
  }
  if (!episode) return { announce: null, episode };
  const lastSpikeAt = Math.min(episode.lastSpikeAt, at);
  if (reading.kind === 'normal' && at - lastSpikeAt >= SPENDING_RULES.calmFor) return { announce: null, episode: null };
  return { announce: null, episode: { ...episode, lastSpikeAt } };
}
