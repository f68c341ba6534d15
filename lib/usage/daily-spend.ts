import { spentBetween } from '../foresight/forecast';
import { isReset } from '../history/resets';
import { localDay } from '../history/calendar';
import type { HistoryPoint, UsageHistory } from '../history/points';

/** AI credits spent on one local calendar day. */
export interface DaySpend {
  /** Local midnight starting the day (a daylight-saving day is 23 or 25 hours long). */
  start: number;
  /** The day as `localDay` writes it, e.g. 20261127. */
  day: number;
  spent: number;
}

/**
 * What was spent between two readings, by the forecast's rule; across a monthly reset the
 * used counter starts again from zero, so what it shows after the reset was spent since.
 */
export function spentAcross(previous: HistoryPoint, next: HistoryPoint): number {
  return spentBetween(isReset(previous, next) ? { ...previous, used: 0 } : previous, next);
}

/** Local midnight `back` calendar days before `at`'s day (built from the date, so DST days are whole). */
function midnightDaysBefore(at: number, back: number): number {
  const date = new Date(at);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() - back).getTime();
}

/**
 * The last `days` local calendar days up to `now`'s, oldest first, each with what was spent
 * on it. Spending between two readings counts on the day of the later one: the readings
 * say it happened by then, not when.
 */
export function dailySpend(history: UsageHistory, days: number, now: number): DaySpend[] {
  const buckets = Array.from({ length: days }, (_, index) => {
    const start = midnightDaysBefore(now, days - 1 - index);
    return { start, day: localDay(start), spent: 0 };
  });
  const byDay = new Map(buckets.map((bucket) => [bucket.day, bucket]));
  const from = buckets[0]?.start ?? now;
  const { points } = history;
  for (let index = 1; index < points.length; index += 1) {
    const next = points[index]!;
    if (next.at < from || next.at > now) continue;
    const bucket = byDay.get(localDay(next.at));
    if (bucket) bucket.spent += spentAcross(points[index - 1]!, next);
  }
  return buckets;
}
