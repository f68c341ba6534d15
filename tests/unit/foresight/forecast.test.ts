import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DUE_FOR, EARLY_BY, renewalInMonth, resetEvidence, resetInfo } from '@/lib/foresight/next-reset';
import { atLocalMinutes, DAY, HOUR } from '@/lib/history/calendar';
import { forecastCredits, MAX_FORECAST_DAYS, outlookUntilReset, type Forecast } from '@/lib/foresight/forecast';
import { appendPoint } from '@/lib/history/readings';
import { EMPTY_HISTORY, type HistoryPoint, type UsageHistory } from '@/lib/history/points';

const MINUTE = 60_000;
const START = Date.UTC(2026, 10, 1);

const reading = (at: number, remaining: number, changes: Partial<HistoryPoint> = {}): HistoryPoint => ({
  at,
  remaining,
  used: 1000 - remaining,
  monthly: 1000,
  topup: 0,
  compressionsUsed: 0,
  compressionsLimit: 500,
  ...changes,
});

function historyOf(points: HistoryPoint[]): UsageHistory {
  return points.reduce((history, point) => appendPoint(history, point, point.at), EMPTY_HISTORY);
}

/** 10 credits a day, read every hour, for `days` days, ending at `remaining`. */
function steady(days: number, remaining: number): HistoryPoint[] {
  return Array.from({ length: days * 24 + 1 }, (_, hour) =>
    reading(START + hour * HOUR, remaining + (days * 24 - hour) * (10 / 24)),
  ).map((p) => ({ ...p, remaining: Math.round(p.remaining), used: 1000 - Math.round(p.remaining) }));
}

describe('forecast examples', () => {
  it('gives the days left at the pace of the last week', () => {
    const now = START + 7 * DAY;
    const result = forecastCredits(historyOf(steady(7, 90)), now);
    expect(result).toMatchObject({ kind: 'pace', perDay: 10, daysLeft: 9, runOutAt: now + 9 * DAY });
  });

  it('does not count a top-up as negative spending', () => {
    const points = steady(3, 500);
    points.push(reading(START + 3 * DAY + HOUR, 1500, { used: 500, topup: 1000 }));
    const result = forecastCredits(historyOf(points), START + 3 * DAY + HOUR);
    const perDay = 30 / (3 + 1 / 24);
    expect(result).toMatchObject({ kind: 'pace', perDay: expect.closeTo(perDay, 6) });
    expect(result).toMatchObject({ daysLeft: expect.closeTo(1500 / perDay, 6) });
  });

  it.each([
    ['a downgrade (Pro to Starter)', { monthly: 500, compressionsLimit: 200 }, 580],
    ['an upgrade (Pro to Agency)', { monthly: 10_000 }, 10_080],
    ['a new compression limit alone', { compressionsLimit: 200 }, 1080],
  ])('does not count %s as spending', (_, plan, remaining) => {
    // 120 credits used in 9 days, read every hour, then the plan changes.
    const points = Array.from({ length: 9 * 24 + 1 }, (_, hour) => {
      const used = Math.round((hour * 120) / (9 * 24));
      return reading(START + hour * HOUR, 1200 - used, { used, topup: 200 });
    });
    const now = START + 9 * DAY + HOUR;
    points.push(reading(now, remaining, { used: 120, topup: 200, ...plan }));
    const result = forecastCredits(historyOf(points), now);
    // The last 7 days: from hour 49, when 27 were used.
    const perDay = (120 - 27) / 7;
    expect(result).toMatchObject({ kind: 'pace', perDay: expect.closeTo(perDay, 6) });
    expect(result).toMatchObject({ daysLeft: expect.closeTo(remaining / perDay, 6) });
  });

  it('counts top-up credits spent once the monthly ones are gone', () => {
    const points = Array.from({ length: 4 * 24 + 1 }, (_, hour) =>
      reading(START + hour * HOUR, 500 - hour, { used: 1000, topup: 500 - hour }),
    );
    const result = forecastCredits(historyOf(points), START + 4 * DAY);
    expect(result).toMatchObject({ kind: 'pace', perDay: 24, daysLeft: expect.closeTo(404 / 24, 6) });
  });

  it('measures only since the last reset', () => {
    const points = [...steady(5, 100), reading(START + 5 * DAY + HOUR, 1000, { used: 0 })];
    points.push(reading(START + 6 * DAY + HOUR, 980, { used: 20 }));
    const result = forecastCredits(historyOf(points), START + 6 * DAY + HOUR);
    expect(result).toMatchObject({ kind: 'pace', perDay: 20, daysLeft: 49 });
  });

  it('waits for a day of readings', () => {
    expect(forecastCredits(historyOf(steady(7, 90).slice(-20)), START + 7 * DAY)).toEqual({ kind: 'insufficient' });
    expect(forecastCredits(EMPTY_HISTORY, START)).toEqual({ kind: 'insufficient' });
  });

  it('says when nothing was spent', () => {
    const points = [reading(START, 500), reading(START + DAY, 500), reading(START + 2 * DAY, 500)];
    expect(forecastCredits(historyOf(points), START + 2 * DAY)).toEqual({ kind: 'no-spending', basisDays: 2 });
  });

  it('never dates the end in the past when the last reading is old', () => {
    const now = START + 10 * DAY;
    expect(forecastCredits(historyOf(steady(7, 20)), now)).toMatchObject({ kind: 'pace', daysLeft: 0, runOutAt: now });
  });

  it.each([
    [START + 10 * DAY, { kind: 'enough' }],
    [START + 17 * DAY, { kind: 'enough' }],
    [START + 20 * DAY, { kind: 'short', daysShort: 3 }],
  ])('compares the end with the next reset (%s)', (resetAt, expected) => {
    const result = forecastCredits(historyOf(steady(7, 100)), START + 7 * DAY);
    expect(outlookUntilReset(result, resetAt)).toEqual(expected);
  });
});

// Random usage: polls with gaps (browser closed for days), clock changes, spending, top-ups and resets.
const step = fc.record({
  minutes: fc.oneof(
    { weight: 6, arbitrary: fc.constant(15) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 600 }) },
    { weight: 1, arbitrary: fc.integer({ min: 24 * 60, max: 6 * 24 * 60 }) },
    { weight: 1, arbitrary: fc.integer({ min: -2 * 24 * 60, max: -1 }) },
  ),
  spend: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50 })),
  topup: fc.oneof({ weight: 9, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 500 }) }),
  reset: fc.oneof({ weight: 19, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
  // A change of plan: another monthly allocation and compression limit from this reading on.
  plan: fc.oneof(
    { weight: 19, arbitrary: fc.constant(null) },
    {
      weight: 1,
      arbitrary: fc.record({ monthly: fc.constantFrom(500_000, 1_000_000, 2_000_000), limit: fc.nat(5000) }),
    },
  ),
});
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;
const usagePattern = fc.array(step, { minLength: 40, maxLength: 400 });

/** The same usage, with every spend multiplied by `pace`; with `plans`, the plan changes as the steps say. */
function simulate(steps: Step[], pace: number, { plans = false } = {}) {
  let history = EMPTY_HISTORY;
  let at = START;
  let used = 0;
  let topup = 0;
  let compressionsUsed = 0;
  let monthly = 1_000_000;
  let compressionsLimit = 500;
  for (const s of steps) {
    if (plans && s.plan) ({ monthly, limit: compressionsLimit } = s.plan);
    at += s.minutes * MINUTE;
    if (s.reset) {
      used = 0;
      compressionsUsed = 0;
    } else {
      used += s.spend * pace;
      compressionsUsed += 1;
    }
    topup += s.topup;
    const point = {
      at,
      remaining: monthly - used + topup,
      used,
      monthly,
      topup,
      compressionsUsed,
      compressionsLimit,
    };
    history = appendPoint(history, point, at);
  }
  return { history, now: at };
}

/** Days left, with "no spending" as never running out; `null` without a forecast. */
const daysLeft = (result: Forecast) =>
  result.kind === 'pace' ? result.daysLeft : result.kind === 'no-spending' ? Number.POSITIVE_INFINITY : null;

describe('forecast on any usage', () => {
  it('is finite, not negative, not in the past and not beyond the horizon', () => {
    fc.assert(
      fc.property(usagePattern, fc.integer({ min: 0, max: 20 * 24 * 60 }), (steps, closedMinutes) => {
        const { history, now } = simulate(steps, 1);
        const later = now + closedMinutes * MINUTE;
        for (const at of [now, later]) {
          const result = forecastCredits(history, at);
          if (result.kind === 'insufficient') continue;
          expect(Number.isFinite(result.basisDays) && result.basisDays >= 1).toBe(true);
          if (result.kind !== 'pace') continue;
          expect(Number.isFinite(result.perDay) && result.perDay > 0).toBe(true);
          expect(result.daysLeft).toBeGreaterThanOrEqual(0);
          expect(result.daysLeft).toBeLessThanOrEqual(MAX_FORECAST_DAYS);
          expect(result.runOutAt).toBeGreaterThanOrEqual(at);
          expect(result.runOutAt).toBeLessThanOrEqual(at + MAX_FORECAST_DAYS * DAY);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('gives fewer days when spending speeds up, more when it slows down', () => {
    fc.assert(
      fc.property(usagePattern, fc.integer({ min: 2, max: 5 }), (steps, faster) => {
        const slow = simulate(steps, 1);
        const fast = simulate(steps, faster);
        const slowDays = daysLeft(forecastCredits(slow.history, slow.now));
        const fastDays = daysLeft(forecastCredits(fast.history, fast.now));
        expect(fastDays === null).toBe(slowDays === null);
        if (slowDays !== null && fastDays !== null) expect(fastDays).toBeLessThanOrEqual(slowDays);
      }),
      { numRuns: 150 },
    );
  });

  it('never takes a reset as happened before the counters show it', () => {
    fc.assert(
      fc.property(
        usagePattern,
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: 0, max: 40 * 24 * 60 }),
        (steps, day, closedMinutes) => {
          const { history, now } = simulate(steps, 1);
          const at = now + closedMinutes * MINUTE;
          const info = resetInfo(day, resetEvidence(history, at), at)!;
          const readings = history.points.filter((p) => p.at <= at);
          const seen = history.resets.filter((r) => r.after <= at).map((r) => r.after);
          // A renewal moment of the last months that readings watched, that no reset seen answered,
          // and that readings have not gone two days past: the reset is still due, not in the future.
          for (let back = 0; back <= 3; back += 1) {
            const month = new Date(at);
            const renewal = renewalInMonth(day, month.getFullYear(), month.getMonth() - back);
            const moment = atLocalMinutes(renewal, Math.floor(info.timeOfDay?.from ?? 0));
            if (moment > at || readings.length === 0 || readings[0]!.at >= moment) continue;
            if (seen.some((after) => after >= moment - EARLY_BY)) continue;
            if (readings.at(-1)!.at >= moment + DUE_FOR) continue;
            expect(info.due).toBe(true);
            expect(info.nextAt).toBeGreaterThanOrEqual(moment);
            expect(info.nextAt).toBeLessThanOrEqual(at);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never counts a change of allocation as spending', () => {
    fc.assert(
      fc.property(usagePattern, (steps) => {
        const same = simulate(steps, 1);
        const changed = simulate(steps, 1, { plans: true });
        // A reset that comes with a plan change in one gap between readings shows only if compressions fell.
        fc.pre(JSON.stringify(changed.history.resets) === JSON.stringify(same.history.resets));
        const pace = (result: Forecast) =>
          result.kind === 'pace' ? { kind: result.kind, perDay: result.perDay, basisDays: result.basisDays } : result;
        expect(pace(forecastCredits(changed.history, changed.now))).toEqual(
          pace(forecastCredits(same.history, same.now)),
        );
      }),
      { numRuns: 150 },
    );
  });
});
