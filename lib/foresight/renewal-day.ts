import { atLocalMinutes, localMinutes } from '../history/calendar';
import type { ResetWindow } from '../history/points';

/** When in the day resets come, as a window in minutes after local midnight (0 to 1440). */
export interface TimeOfDay {
  from: number;
  to: number;
}

const WHOLE_DAY = 24 * 60;
const EVERY_DAY = Array.from({ length: 31 }, (_, index) => index + 1);

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

/**
 * The renewal days (1–31) one reset allows: the day of the month of each local day
 * its window touches, and every later day too on a month's last day (a plan renewing
 * on the 31st renews on April 30). Without a start, only the day it was first seen.
 */
export function daysAllowedBy(reset: ResetWindow): Set<number> {
  const days = new Set<number>();
  const cursor = new Date(atLocalMinutes(reset.before ?? reset.after, 0));
  for (let count = 0; cursor.getTime() <= reset.after; count += 1) {
    if (count === 31) return new Set(EVERY_DAY);
    const day = cursor.getDate();
    const last = daysInMonth(cursor.getFullYear(), cursor.getMonth());
    for (let allowed = day; allowed <= (day === last ? 31 : day); allowed += 1) days.add(allowed);
    cursor.setDate(day + 1);
  }
  return days;
}

/** Newest first, the days every reset allows, until one allows none of them (the plan's day changed). */
function agreedDays(resets: readonly ResetWindow[]): Set<number> | null {
  let days: Set<number> | null = null;
  for (const reset of resets.toReversed()) {
    const allowed = daysAllowedBy(reset);
    const both: Set<number> = days ? new Set([...days].filter((day) => allowed.has(day))) : allowed;
    if (both.size === 0) break;
    days = both;
  }
  return days;
}

/**
 * The renewal day learned from the observed resets, newest first: the day the newest
 * was first seen if the others allow it, else the largest day they all allow. Resets
 * on Jan 31 and Feb 28 give the 31st; a reset first seen late (the browser was closed
 * for days) gives way to one whose window pins the day down.
 */
export function learnedRenewalDay(resets: readonly ResetWindow[]): number | null {
  const newest = resets.at(-1);
  const days = agreedDays(resets);
  if (!newest || !days) return null;
  const seen = new Date(newest.after).getDate();
  return days.has(seen) ? seen : Math.max(...days);
}

/** The local midnight of the renewal on `day` that falls inside the window, if one does. */
function renewalWithin(before: number, after: number, day: number): number | null {
  const seen = new Date(after);
  for (const month of [seen.getMonth(), seen.getMonth() - 1]) {
    const renewal = renewalInMonth(day, seen.getFullYear(), month);
    if (renewal >= atLocalMinutes(before, 0) && renewal <= after) return renewal;
  }
  return null;
}

/** The part of the renewal day one reset's window covers; `undefined` when the window is not on that day. */
function timeAllowedBy({ before, after }: ResetWindow, day: number): TimeOfDay | null | undefined {
  if (before === null) return null;
  const renewal = renewalWithin(before, after, day);
  if (renewal === null) return undefined;
  const from = before < renewal ? 0 : localMinutes(before);
  const to = after >= atLocalMinutes(renewal, WHOLE_DAY) ? WHOLE_DAY : localMinutes(after);
  // An hour that repeats (clocks going back) can put the end before the start: it tells nothing.
  return from <= to ? { from, to } : null;
}

/**
 * When in the day resets come, learned from the windows of the resets on `day`,
 * newest first: each narrows it down, until one is not on that day or does not
 * overlap (the day changed, or the time did, say with daylight saving). `null`
 * when no window says anything.
 */
export function learnedTimeOfDay(resets: readonly ResetWindow[], day: number): TimeOfDay | null {
  let time: TimeOfDay | null = null;
  for (const reset of resets.toReversed()) {
    const allowed = timeAllowedBy(reset, day);
    if (allowed === undefined) break;
    if (allowed === null) continue;
    const from = Math.max(time?.from ?? 0, allowed.from);
    const to = Math.min(time?.to ?? WHOLE_DAY, allowed.to);
    if (from > to) break;
    time = { from, to };
  }
  return time;
}
