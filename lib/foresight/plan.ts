import { atLocalMinutes, DAY, localMinutes } from '../history/calendar';
import type { ResetInfo } from './next-reset';
import { renewalInMonth } from './renewal-day';

/** This period's monthly AI credits as the latest reading gave them (`creditsUsed`, `creditsMonthly`). */
export interface MonthUse {
  used: number;
  monthly: number;
}

/**
 * What may be spent per day until the reset: everything left (the remaining AI credits as
 * FluxImage reports them, monthly and top-up together) over the days to it. Those days are
 * calendar days from today up to the reset's day, today counted whole and the reset's day not:
 * on Dec 1 with the reset on Dec 22 that is 21 days. On the reset's day itself there is no
 * "per day" left, only the rest of today.
 */
export type Allowance =
  | { kind: 'nothing-left'; resetAt: number }
  | { kind: 'reset-today'; remaining: number }
  | { kind: 'per-day'; perDay: number; days: number; resetAt: number; spentNothing: boolean };

export interface AllowanceInput {
  remaining: number;
  /** The next reset, by the page's clock; `null` when not known (then nothing is said). */
  reset: ResetInfo | null;
  /** This period's monthly credits, when the facts hold them: `used` 0 means nothing spent yet. */
  month: MonthUse | null;
  now: number;
}

export function dailyAllowance({ remaining, reset, month, now }: AllowanceInput): Allowance | null {
  // A reset that is due comes any time now: how much is left "per day" until then says nothing.
  if (!reset || reset.due) return null;
  const resetAt = Math.max(reset.nextAt, now);
  const left = Math.max(0, Math.floor(remaining));
  if (left === 0) return { kind: 'nothing-left', resetAt };
  if (reset.daysUntil <= 0) return { kind: 'reset-today', remaining: left };
  const days = reset.daysUntil;
  return { kind: 'per-day', perDay: left / days, days, resetAt, spentNothing: month?.used === 0 };
}

/** The period the reset ends began a month before it, on the renewal day (clamped to a short month). */
export function periodStart(reset: Pick<ResetInfo, 'day' | 'nextAt'>): number {
  const next = new Date(reset.nextAt);
  const day = renewalInMonth(reset.day, next.getFullYear(), next.getMonth() - 1);
  return atLocalMinutes(day, localMinutes(reset.nextAt));
}

/** Used this far ahead of (or behind) the share of the month gone still reads as an even pace. */
export const EVEN_WITHIN = 0.05;

export interface MonthPace {
  /** Share of the monthly AI credits used, 0 to 1. */
  used: number;
  /** Share of the period gone, 0 to 1. */
  gone: number;
  standing: 'faster' | 'slower' | 'even';
}

/**
 * How this month's use stands against an even spend over the period: `null` until a full
 * day of the period has passed (the first hours say nothing), without an allocation, without
 * a known reset, and once the reset is due (that period is over).
 */
export function monthPace(month: MonthUse | null, reset: ResetInfo | null, at: number): MonthPace | null {
  if (!month || month.monthly <= 0 || !reset || reset.due || reset.nextAt <= at) return null;
  const start = periodStart(reset);
  if (at - start < DAY) return null;
  const gone = Math.min(1, (at - start) / (reset.nextAt - start));
  const used = Math.min(1, Math.max(0, month.used) / month.monthly);
  const standing = Math.abs(used - gone) <= EVEN_WITHIN ? 'even' : used > gone ? 'faster' : 'slower';
  return { used, gone, standing };
}
