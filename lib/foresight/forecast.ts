import { isReset } from '../history/resets';
import { calendarDaysBetween, DAY } from '../history/calendar';
import type { HistoryPoint, UsageHistory } from '../history/points';

/** The pace is measured over the last 7 days, or since the last reset if that is shorter. */
export const PACE_WINDOW = 7 * DAY;
/** Less than a day of readings says little about a pace. */
export const MIN_BASIS = DAY;
/** Further than this, "when credits run out" means nothing: the forecast stops here. */
export const MAX_FORECAST_DAYS = 3650;

export type Forecast =
  | { kind: 'insufficient' }
  | { kind: 'no-spending'; basisDays: number }
  | {
      kind: 'pace';
      /** AI credits spent per day. */
      perDay: number;
      /** Days from now until none are left; 0 when none are left already. */
      daysLeft: number;
      runOutAt: number;
      /** Days of readings behind the pace. */
      basisDays: number;
    };

/** Readings up to now, oldest first, from the last reset on (a clock turned back leaves later ones out). */
function currentPeriod(history: UsageHistory, now: number): HistoryPoint[] {
  const points = history.points.filter((p) => p.at <= now).toSorted((a, b) => a.at - b.at);
  let start = Math.max(now - PACE_WINDOW, ...history.resets.map((reset) => reset.after).filter((at) => at <= now));
  points.forEach((point, index) => {
    if (index > 0 && isReset(points[index - 1]!, point)) start = Math.max(start, point.at);
  });
  return points.filter((p) => p.at >= start);
}

/**
 * What was spent between two readings of one period: AI credits used went up, or
 * top-up credits went down (they are spent once the monthly ones are gone). A change
 * of plan moves the allocation and so the remaining credits, but neither of these.
 * The usage page counts spending by this rule too (lib/usage/daily-spend.ts).
 */
export function spentBetween(previous: HistoryPoint, next: HistoryPoint): number {
  return Math.max(0, next.used - previous.used) + Math.max(0, previous.topup - next.topup);
}

/**
 * How long the AI credits last at the recent pace, measured from what was used: a
 * top-up, a reset or a new allocation changes the remaining credits without spending.
 */
export function forecastCredits(history: UsageHistory, now: number): Forecast {
  const points = currentPeriod(history, now);
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last || last.at - first.at < MIN_BASIS) return { kind: 'insufficient' };
  const basisDays = (last.at - first.at) / DAY;
  let spent = 0;
  for (let index = 1; index < points.length; index += 1) spent += spentBetween(points[index - 1]!, points[index]!);
  if (spent <= 0) return { kind: 'no-spending', basisDays };
  const perDay = spent / basisDays;
  const lastsUntil = last.at + (last.remaining / perDay) * DAY;
  const daysLeft = Math.min(MAX_FORECAST_DAYS, Math.max(0, (lastsUntil - now) / DAY));
  return { kind: 'pace', perDay, daysLeft, runOutAt: now + daysLeft * DAY, basisDays };
}

export type ResetOutlook = { kind: 'enough' } | { kind: 'short'; daysShort: number };

/** Whether the credits last until the next reset at this pace; `null` without a pace or a reset date. */
export function outlookUntilReset(forecast: Forecast, nextResetAt: number | null): ResetOutlook | null {
  if (forecast.kind !== 'pace' || nextResetAt === null) return null;
  if (forecast.runOutAt >= nextResetAt) return { kind: 'enough' };
  // Calendar days, so the sentence agrees with the two dates the popup shows.
  return { kind: 'short', daysShort: Math.max(1, calendarDaysBetween(forecast.runOutAt, nextResetAt)) };
}

/** Days from `now` until the credits run out at the forecast's pace; `null` without a pace. */
export function paceDaysLeft(forecast: Forecast, now: number): number | null {
  return forecast.kind === 'pace' ? Math.max(0, (forecast.runOutAt - now) / DAY) : null;
}
