import { describe, expect, it } from 'vitest';
import type { ResetWindow } from '@/lib/history/points';
import { daysAllowedBy, learnedRenewalDay, learnedTimeOfDay } from '@/lib/foresight/renewal-day';

// Local dates matter here: run in a zone with daylight-saving changes.
process.env.TZ = 'America/New_York';

const local = (year: number, month: number, day: number, hour = 0, minute = 0) =>
  new Date(year, month - 1, day, hour, minute).getTime();
/** A reset between two readings. */
const between = (before: number | null, after: number): ResetWindow => ({ before, after });
/** A reset seen on time: 15 minutes between the readings around it. */
const onTime = (year: number, month: number, day: number, hour = 10) =>
  between(local(year, month, day, hour - 1, 50), local(year, month, day, hour, 5));

describe('the days one reset allows', () => {
  it.each([
    ['seen on time mid-month', onTime(2026, 3, 13), [13]],
    ['on the last day of a 30-day month', onTime(2026, 4, 30), [30, 31]],
    ['on Feb 28', onTime(2026, 2, 28), [28, 29, 30, 31]],
    ['on Feb 28 of a leap year', onTime(2028, 2, 28), [28]],
    ['overnight', between(local(2026, 3, 12, 20), local(2026, 3, 13, 8)), [12, 13]],
    ['across a month’s end', between(local(2026, 1, 31, 23), local(2026, 2, 1, 1)), [31, 1]],
    [
      'after the browser was closed for days',
      between(local(2026, 3, 11, 18), local(2026, 3, 15, 9)),
      [11, 12, 13, 14, 15],
    ],
    [
      'after the browser was closed for over a month',
      between(local(2026, 1, 2), local(2026, 3, 15)),
      Array.from({ length: 31 }, (_, i) => i + 1),
    ],
    ['without a reading before it', between(null, local(2026, 3, 15, 9)), [15]],
  ])('%s', (_, reset, days) => {
    expect([...daysAllowedBy(reset)].toSorted((a, b) => a - b)).toEqual(days.toSorted((a, b) => a - b));
  });
});

describe('the renewal day learned from every reset', () => {
  it.each([
    ['none seen', [], null],
    ['one reset', [onTime(2026, 3, 13)], 13],
    ['the 31st through short months', [onTime(2026, 1, 31), onTime(2026, 2, 28)], 31],
    [
      'the 31st after April 30',
      [onTime(2026, 1, 31), onTime(2026, 2, 28), onTime(2026, 3, 31), onTime(2026, 4, 30)],
      31,
    ],
    ['the 30th through February', [onTime(2026, 1, 30), onTime(2026, 2, 28)], 30],
    ['a lone Feb 28 says the 28th: the day it was seen', [onTime(2026, 2, 28)], 28],
    [
      'a reset seen late gives way to one that pins the day down',
      [onTime(2026, 2, 13), between(local(2026, 3, 11, 18), local(2026, 3, 16, 9))],
      13,
    ],
    ['a lone late-seen reset: the day it was seen', [between(local(2026, 3, 11, 18), local(2026, 3, 16, 9))], 16],
    ['an overnight reset: the day it was seen', [between(local(2026, 3, 12, 20), local(2026, 3, 13, 8))], 13],
    [
      'the plan’s day changed: the newest resets win',
      [onTime(2026, 1, 13), onTime(2026, 2, 13), onTime(2026, 3, 20)],
      20,
    ],
  ])('%s', (_, resets, day) => {
    expect(learnedRenewalDay(resets)).toBe(day);
  });
});

describe('the reset’s time of day', () => {
  it.each([
    ['none seen', [], 13, null],
    ['one reset seen within 15 minutes', [onTime(2026, 3, 13, 19)], 13, { from: 18 * 60 + 50, to: 19 * 60 + 5 }],
    [
      'narrowed by each month',
      [between(local(2026, 2, 13, 18, 40), local(2026, 2, 13, 19, 0)), onTime(2026, 3, 13, 19)],
      13,
      { from: 18 * 60 + 50, to: 19 * 60 },
    ],
    [
      'an overnight window: from midnight',
      [between(local(2026, 3, 12, 20), local(2026, 3, 13, 8))],
      13,
      { from: 0, to: 480 },
    ],
    ['a window on another day says nothing', [onTime(2026, 3, 20, 19)], 13, null],
    ['without a reading before it', [between(null, local(2026, 3, 13, 9))], 13, null],
    [
      'the newest wins when the time moved (daylight saving)',
      [onTime(2026, 2, 13, 19), onTime(2026, 3, 13, 20)],
      13,
      { from: 19 * 60 + 50, to: 20 * 60 + 5 },
    ],
    ['a plan on the 31st, seen Apr 30', [onTime(2026, 4, 30, 7)], 31, { from: 6 * 60 + 50, to: 7 * 60 + 5 }],
  ])('%s', (_, resets, day, time) => {
    expect(learnedTimeOfDay(resets, day)).toEqual(time);
  });
});
