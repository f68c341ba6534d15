import { atLocalMinutes, calendarDaysBetween, DAY } from '../history/calendar';
import type { ResetWindow, UsageHistory } from '../history/points';
import { learnedRenewalDay, learnedTimeOfDay, renewalInMonth, type TimeOfDay } from './renewal-day';

// What the readings show (kept apart, so the popup's sparkline needs none of the calendar).
export { creditsEvent, isReset, isTopup } from '../history/resets';
export { renewalInMonth } from './renewal-day';

/** A reset seen up to two weeks before the moment it was expected is that month's, come early. */
export const EARLY_BY = 14 * DAY;
/** How long an expected reset the counters have not shown stays due, while readings go on. */
export const DUE_FOR = 2 * DAY;
/**
 * A reset seen this soon before the next expected moment, after the last one, is the
 * next one's come early: a day set one off, or the end of a day in the user's zone
 * that is the next day where FluxImage counts.
 */
export const NEXT_EARLY_BY = 3 * DAY;

export interface ResetInfo {
  /** Day of the month the plan renews on. */
  day: number;
  /** Whether the user set the day or it was learned from observed resets. */
  source: 'user' | 'detected';
  /** When the last observed reset was first seen, when there is one. */
  detectedAt: number | null;
  /**
   * When the next reset is expected: the renewal day at the start of its learned
   * time of day, or at local midnight when that is not known. While the reset is
   * due this moment has passed.
   */
  nextAt: number;
  /** Calendar days from today to `nextAt`: 0 today, below 0 while due since an earlier day. */
  daysUntil: number;
  /** When in the day resets came, as learned from their windows; `null` when unknown. */
  timeOfDay: TimeOfDay | null;
  /** The expected moment has passed, but the counters have not shown the reset yet. */
  due: boolean;
}

/** The renewal day learned from the observed resets, and when the newest was first seen. */
export function inferredRenewalDay(resets: readonly ResetWindow[]): { day: number; detectedAt: number } | null {
  const day = learnedRenewalDay(resets);
  const newest = resets.at(-1);
  return day === null || !newest ? null : { day, detectedAt: newest.after };
}

/** The renewals on `day` at `time`, as moments: in the month `offset` months from `at`'s. */
const expectedIn = (day: number, time: TimeOfDay | null, at: number, offset: number) => {
  const date = new Date(at);
  return atLocalMinutes(renewalInMonth(day, date.getFullYear(), date.getMonth() + offset), Math.floor(time?.from ?? 0));
};

/** The first renewal moment after `at`. */
const expectedAfter = (day: number, time: TimeOfDay | null, at: number) =>
  expectedIn(day, time, at, 0) > at ? expectedIn(day, time, at, 0) : expectedIn(day, time, at, 1);

/**
 * What `resetInfo` needs of a history: the reset windows, and when the readings began and
 * last came. Small enough to store with the popup's forecast facts, which then work the
 * next reset out by the popup's own clock.
 */
export interface ResetEvidence {
  resets: readonly ResetWindow[];
  firstReadingAt: number | null;
  lastReadingAt: number | null;
}

/** The evidence a history holds, up to `now` (readings dated later are a clock turned back). */
export function resetEvidence(history: UsageHistory, now: number): ResetEvidence {
  const readings = history.points.filter((point) => point.at <= now);
  return {
    resets: history.resets.filter((reset) => reset.after <= now),
    firstReadingAt: readings[0]?.at ?? null,
    lastReadingAt: readings.at(-1)?.at ?? null,
  };
}

/** What the readings say about one expected reset. */
function readingsAround(evidence: ResetEvidence, now: number) {
  const first = evidence.firstReadingAt !== null && evidence.firstReadingAt <= now ? evidence.firstReadingAt : null;
  const last = evidence.lastReadingAt === null ? null : Math.min(evidence.lastReadingAt, now);
  const newest = evidence.resets.findLast((reset) => reset.after <= now);
  const lastSeen = newest?.after ?? null;
  const shown = (at: number) => lastSeen !== null && lastSeen >= at - EARLY_BY;
  return {
    lastSeen,
    /** The newest reset came between `last` (its window opened after) and `next`, close to `next`. */
    cameEarly: (last: number, next: number) =>
      newest?.before != null && newest.before >= last && newest.after < next && newest.after >= next - NEXT_EARLY_BY,
    /** The counters showed it: a reset was seen after it, or a little before. */
    shown,
    /** A reading was taken before it, so a reset after that would have shown. */
    watched: (at: number) => first !== null && first < at,
    /** Readings went on for two days after it and none showed it. */
    overdue: (at: number) => !shown(at) && (last ?? Number.NEGATIVE_INFINITY) >= at + DUE_FOR,
  };
}

/**
 * When the monthly credits come back; `null` when no reset was seen and the user set
 * no day. A reset is never taken as happened before the counters show it: once its
 * expected moment passes it stays due (never moved to next month) until a reset is
 * seen, for up to two days of readings. Then a day the user set moves on to the
 * next month; a learned day is taken to be wrong, and is unknown until a reset shows.
 */
export function resetInfo(userDay: number | null, evidence: ResetEvidence, now: number): ResetInfo | null {
  const resets = evidence.resets.filter((reset) => reset.after <= now);
  const day = userDay ?? learnedRenewalDay(resets);
  if (day === null) return null;
  const timeOfDay = learnedTimeOfDay(resets, day);
  const readings = readingsAround(evidence, now);
  const { lastSeen } = readings;
  if (userDay === null && lastSeen !== null && readings.overdue(expectedAfter(day, timeOfDay, lastSeen + EARLY_BY))) {
    return null;
  }
  const thisMonth = expectedIn(day, timeOfDay, now, 0);
  const passed = thisMonth <= now ? thisMonth : expectedIn(day, timeOfDay, now, -1);
  const due = readings.watched(passed) && !readings.shown(passed) && !readings.overdue(passed);
  const upcoming = expectedAfter(day, timeOfDay, now);
  const early = !due && readings.cameEarly(passed, upcoming);
  const nextAt = due ? passed : early ? expectedAfter(day, timeOfDay, upcoming) : upcoming;
  return {
    day,
    source: userDay === null ? 'detected' : 'user',
    detectedAt: lastSeen,
    nextAt,
    daysUntil: calendarDaysBetween(now, nextAt),
    timeOfDay,
    due,
  };
}
