import { describe, expect, it } from 'vitest';
import { isReset, isTopup, nextRenewal, renewalInMonth, resetInfo } from '@/lib/billing-period';
import { calendarDaysBetween } from '@/lib/calendar';
import type { HistoryPoint } from '@/lib/history';

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

  it.each([
    ['later this month', 14, local(2026, 11, 27), local(2026, 12, 14)],
    ['December → January', 14, local(2026, 12, 20), local(2027, 1, 14)],
    ['today after midnight → next month', 14, local(2026, 11, 14, 9), local(2026, 12, 14)],
    ['31 → end of February', 31, local(2026, 2, 1), local(2026, 2, 28)],
    ['31 → 29 February in a leap year', 31, local(2028, 2, 10), local(2028, 2, 29)],
    ['31 after 30 April → 31 May', 31, local(2026, 4, 30, 8), local(2026, 5, 31)],
    ['day 1 on New Year’s Eve', 1, local(2026, 12, 31, 23), local(2027, 1, 1)],
  ])('%s', (_, day, now, expected) => {
    expect(nextRenewal(day, now)).toBe(expected);
  });

  it('counts calendar days across a daylight-saving change', () => {
    expect(calendarDaysBetween(local(2026, 3, 7, 23), local(2026, 3, 9))).toBe(2);
    expect(calendarDaysBetween(local(2026, 11, 1, 0), local(2026, 11, 2, 0))).toBe(1);
  });
});

describe('reset info', () => {
  const now = local(2026, 12, 8, 15);

  it('is unknown without an observed reset or a day set by the user', () => {
    expect(resetInfo(null, [], now)).toBeNull();
  });

  it('infers the day from the last observed reset', () => {
    expect(
      resetInfo(
        null,
        [local(2026, 10, 3, 8), local(2026, 11, 14, 0, 20)].map((after) => ({ before: null, after })),
        now,
      ),
    ).toEqual({
      day: 14,
      source: 'detected',
      detectedAt: local(2026, 11, 14, 0, 20),
      nextAt: local(2026, 12, 14),
      daysUntil: 6,
    });
  });

  it('lets the day the user set win over the detected one', () => {
    expect(resetInfo(20, [{ before: null, after: local(2026, 11, 14) }], now)).toMatchObject({
      day: 20,
      source: 'user',
      nextAt: local(2026, 12, 20),
      daysUntil: 12,
    });
  });
});
