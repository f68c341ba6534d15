import { isTopup } from '../history/resets';
import type { HistoryPoint, UsageHistory } from '../history/points';
import { spentAcross } from './daily-spend';

/** One billing period as the history saw it: from a reset (or the first reading) to the next. */
export interface BillingPeriod {
  /** Its first reading: just after the reset that began it, or the history's first. */
  from: number;
  /** Its last reading. */
  to: number;
  /** It began at an observed reset; `false` for the first, which began before the readings. */
  fromReset: boolean;
  /** The period going on now: the last one. */
  current: boolean;
  /** AI credits spent in it (monthly and top-up), by the forecast's rule. */
  spent: number;
  /** Top-up credits bought in it. */
  toppedUp: number;
  /** The first reading in it with no AI credits left; `null` if they never ran out. */
  ranOutAt: number | null;
}

/** The readings cut at each reset: a reading at or after a reset's `after` belongs to the period it began. */
function split(history: UsageHistory): { points: HistoryPoint[]; fromReset: boolean; firstIndex: number }[] {
  const starts = history.resets.map(({ after }) => after).toSorted((a, b) => a - b);
  const periods: { points: HistoryPoint[]; fromReset: boolean; firstIndex: number }[] = [];
  let boundary = 0;
  history.points.forEach((point, index) => {
    let crossed = false;
    while (boundary < starts.length && point.at >= starts[boundary]!) {
      boundary += 1;
      crossed = true;
    }
    const last = periods.at(-1);
    if (!last || crossed) periods.push({ points: [point], fromReset: crossed, firstIndex: index });
    else last.points.push(point);
  });
  return periods;
}

/**
 * The billing periods the history shows, the current one first. What was spent between the
 * last reading of a period and the first of the next counts in the next (the reset came
 * before it), as on the per-day chart.
 */
export function billingPeriods(history: UsageHistory): BillingPeriod[] {
  const all = history.points;
  const periods = split(history).map(({ points, fromReset, firstIndex }): BillingPeriod => {
    let spent = 0;
    let toppedUp = 0;
    points.forEach((point, offset) => {
      const previous = all[firstIndex + offset - 1];
      if (!previous) return;
      spent += spentAcross(previous, point);
      if (isTopup(previous, point)) toppedUp += point.topup - previous.topup;
    });
    return {
      from: points[0]!.at,
      to: points.at(-1)!.at,
      fromReset,
      current: false,
      spent,
      toppedUp,
      ranOutAt: points.find((point) => point.remaining === 0)?.at ?? null,
    };
  });
  const last = periods.at(-1);
  if (last) last.current = true;
  return periods.toReversed();
}
