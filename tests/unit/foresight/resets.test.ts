import { describe, expect, it } from 'vitest';
import {
  inferredRenewalDay,
  isReset,
  isTopup,
  renewalInMonth,
  resetEvidence,
  resetInfo,
} from '@/lib/foresight/next-reset';
import { calendarDaysBetween, DAY } from '@/lib/history/calendar';
import { EMPTY_HISTORY, type HistoryPoint } from '@/lib/history/points';
import { observe } from '../observed';

// Local dates matter here: run in a zone with daylight-saving changes.
process.env.TZ = 'America/New_York';

const reading = (changes: Partial<HistoryPoint>): HistoryPoint => ({
  at: 0,
  remaining: 100,
  used: 900,
  monthly: 1000,
  topup: 0,
  compressionsUsed: 300,
  compressionsLimit: 500,
  ...changes,
});
const before = reading({});

describe('reset detection', () => {
  it.each([
    ['credits used back to zero', { used: 0, remaining: 1000 }, true],
    ['credits used back near zero (some spent since)', { used: 40, remaining: 960 }, true],
    ['compressions used back to zero', { compressionsUsed: 0 }, true],
    ['a top-up: top-up credits up, used unchanged', { topup: 500, remaining: 600 }, false],
    ['more credits used', { used: 950, remaining: 50 }, false],
    ['nothing changed', {}, false],
    ['used falls only a little', { used: 500, remaining: 500 }, false],
    ['used falls with a different monthly allocation (a plan change)', { used: 0, monthly: 5000 }, false],
    ['compressions used back near zero (some done since)', { compressionsUsed: 20 }, true],
    ['compressions used dips by one (a refunded job)', { compressionsUsed: 299 }, false],
    ['compressions used falls by half (a lagging replica)', { compressionsUsed: 150 }, false],
  ])('%s → %s', (_, changes, expected) => {
    expect(isReset(before, reading(changes))).toBe(expected);
  });

  // Early in a period the counters are already near zero: a small fall there is a refund, not a reset.
  it.each([
    ['one AI credit refunded', { used: 30 }, { used: 29 }, false],
    ['a few AI credits refunded', { used: 30 }, { used: 26 }, false],
    ['AI credits used back to zero from a quiet month', { used: 30 }, { used: 0 }, true],
    ['one compression refunded', { compressionsUsed: 5 }, { compressionsUsed: 4 }, false],
    ['compressions used back to zero from a quiet month', { compressionsUsed: 5 }, { compressionsUsed: 0 }, true],
  ])('%s → %s', (_, from, to, expected) => {
    expect(isReset(reading(from), reading(to))).toBe(expected);
  });

  it('tells a top-up from a reset, and sees both when they come in the same poll', () => {
    expect(isTopup(before, reading({ topup: 500 }))).toBe(true);
    expect(isTopup(before, reading({ used: 0 }))).toBe(false);
    expect(isTopup(before, reading({ used: 0, topup: 500 }))).toBe(true);
    expect(isReset(before, reading({ used: 0, topup: 500 }))).toBe(true);
    expect(isTopup(before, reading({ topup: 0, used: 950 }))).toBe(false);
  });
});

const local = (year: number, month: number, day: number, hour = 0, minute = 0) =>
  new Date(year, month - 1, day, hour, minute).getTime();

describe('renewal dates', () => {
  it.each([
    [31, 2025, 2, local(2025, 2, 28)],
    [31, 2024, 2, local(2024, 2, 29)],
    [30, 2026, 2, local(2026, 2, 28)],
    [29, 2100, 2, local(2100, 2, 28)],
    [29, 2000, 2, local(2000, 2, 29)],
    [31, 2026, 4, local(2026, 4, 30)],
    [31, 2026, 12, local(2026, 12, 31)],
    [14, 2026, 13, local(2027, 1, 14)],
  ])('day %i in %i-%i is %s', (day, year, month, expected) => {
    expect(renewalInMonth(day, year, month - 1)).toBe(expected);
  });

  // A week of readings up to `now`, the counters reset at `resetsAt`, and the day the user set.
  it.each([
    ['later this month', 14, local(2026, 11, 27), [], local(2026, 12, 14), false],
    ['December → January', 14, local(2026, 12, 20), [], local(2027, 1, 14), false],
    ['on the day, not shown yet: due since midnight', 14, local(2026, 11, 14, 9), [], local(2026, 11, 14), true],
    [
      'on the day, shown: next month at its time',
      14,
      local(2026, 11, 14, 9),
      [local(2026, 11, 14, 1)],
      local(2026, 12, 14, 0, 45),
      false,
    ],
    ['31 → end of February', 31, local(2026, 2, 1), [local(2026, 1, 31, 2)], local(2026, 2, 28, 1, 45), false],
    ['31, not shown on Jan 31: due', 31, local(2026, 2, 1), [], local(2026, 1, 31), true],
    ['31 → 29 February in a leap year', 31, local(2028, 2, 10), [], local(2028, 2, 29), false],
    [
      '31 after 30 April (shown) → 31 May',
      31,
      local(2026, 4, 30, 8),
      [local(2026, 4, 30, 2)],
      local(2026, 5, 31, 1, 45),
      false,
    ],
    ['day 1 on New Year’s Eve', 1, local(2026, 12, 31, 23), [], local(2027, 1, 1), false],
    [
      'a reset come a few days early counts for the day',
      14,
      local(2026, 11, 15),
      [local(2026, 11, 11, 1)],
      local(2026, 12, 14),
      false,
    ],
  ])('%s', (_, day, now, resetsAt, nextAt, due) => {
    const history = observe({ from: now - 7 * DAY, to: now, resetsAt });
    expect(resetInfo(day, resetEvidence(history, now), now)).toMatchObject({
      nextAt,
      due,
      daysUntil: calendarDaysBetween(now, nextAt),
    });
  });

  it('counts calendar days across a daylight-saving change', () => {
    expect(calendarDaysBetween(local(2026, 3, 7, 23), local(2026, 3, 9))).toBe(2);
    expect(calendarDaysBetween(local(2026, 11, 1, 0), local(2026, 11, 2, 0))).toBe(1);
  });
});

describe('reset info', () => {
  const now = local(2026, 12, 8, 15);
  // Readings every 15 minutes; resets at 0:20, first seen at 0:30 (0:15 the reading before).
  const history = observe({
    from: local(2026, 9, 20),
    to: now,
    resetsAt: [local(2026, 10, 14, 0, 20), local(2026, 11, 14, 0, 20)],
  });

  it('is unknown without an observed reset or a day set by the user', () => {
    expect(resetInfo(null, resetEvidence(EMPTY_HISTORY, now), now)).toBeNull();
    expect(resetInfo(null, resetEvidence(observe({ from: now - 40 * DAY, to: now }), now), now)).toBeNull();
  });

  it('learns the day and the time of day from the observed resets', () => {
    expect(resetInfo(null, resetEvidence(history, now), now)).toEqual({
      day: 14,
      source: 'detected',
      detectedAt: local(2026, 11, 14, 0, 30),
      nextAt: local(2026, 12, 14, 0, 15),
      daysUntil: 6,
      timeOfDay: { from: 15, to: 30 },
      due: false,
    });
  });

  it('lets the day the user set win over the detected one', () => {
    expect(resetInfo(20, resetEvidence(history, now), now)).toMatchObject({
      day: 20,
      source: 'user',
      nextAt: local(2026, 12, 20),
      daysUntil: 12,
      timeOfDay: null,
    });
  });

  it('gives the day and when it was learned to the options page', () => {
    expect(inferredRenewalDay(history.resets)).toEqual({ day: 14, detectedAt: local(2026, 11, 14, 0, 30) });
    expect(inferredRenewalDay([])).toBeNull();
  });
});
