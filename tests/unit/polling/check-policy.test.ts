import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  AUTO_RULES,
  RETURN_CHECK_AFTER,
  checkOnReturnAt,
  nextCheckAt,
  nextCheckForChoice,
  repeatMinutes,
  type CheckPolicyInput,
  type Presence,
} from '@/lib/polling/check-policy';
import { DAY, HOUR } from '@/lib/history/calendar';
import type { HistoryPoint } from '@/lib/history/points';
import { CHECK_INTERVALS, type CheckEvery } from '@/lib/foresight/settings';
import type { PollStatus } from '@/lib/polling/status';

const NOW = Date.UTC(2026, 10, 25, 14, 0);
const MINUTE = 60_000;

/** A reading `minutesAgo` before NOW; a Pro account (1,000 a month, threshold 100) unless changed. */
const reading = (minutesAgo: number, remaining: number, changes: Partial<HistoryPoint> = {}): HistoryPoint => ({
  at: NOW - minutesAgo * MINUTE,
  remaining,
  used: 1000 - remaining,
  monthly: 1000,
  topup: 0,
  compressionsUsed: 45,
  compressionsLimit: 99999,
  ...changes,
});

/** Readings with `remaining` at the given minutes before NOW, oldest first; this check's is the last. */
const readings = (...pairs: [minutesAgo: number, remaining: number][]) =>
  pairs.map(([minutesAgo, remaining]) => reading(minutesAgo, remaining));

function plan(changes: Partial<CheckPolicyInput> & Pick<CheckPolicyInput, 'points'>) {
  const remaining = changes.points.at(-1)?.remaining ?? 500;
  // random 0.5 is the middle of the jitter: no shift.
  const planned = nextCheckAt({
    now: NOW,
    choice: 'auto',
    remaining,
    threshold: 100,
    runOutAt: null,
    random: 0.5,
    ...changes,
  });
  return { minutes: (planned.at - NOW) / MINUTE, reason: planned.reason };
}

describe('fixed choices keep their exact interval', () => {
  it.each(CHECK_INTERVALS)('every %d minutes, whatever is happening', (minutes) => {
    const busy = readings([5, 300], [0, 105]);
    for (const presence of [undefined, 'active', 'idle', 'locked'] as const) {
      for (const random of [0, 0.5, 1]) {
        expect(plan({ choice: minutes, points: busy, presence, random })).toEqual({
          minutes,
          reason: 'chosen-interval',
        });
      }
    }
  });
});

describe('Automatic', () => {
  it.each([
    // What the last check saw, and how close the account is to an alert.
    ['nobody at the screen (idle)', { points: readings([5, 900], [0, 850]), presence: 'idle' }, 60, 'away'],
    [
      'nobody at the screen (locked), even close to the threshold',
      { points: readings([5, 130], [0, 120]), presence: 'locked' },
      60,
      'away',
    ],
    ['credits fell since the last check', { points: readings([15, 900], [0, 850]) }, 5, 'moving'],
    ['credits fell, the person is active', { points: readings([15, 900], [0, 850]), presence: 'active' }, 5, 'moving'],
    [
      'compressions counted up since the last check',
      { points: [reading(15, 850), reading(0, 850, { compressionsUsed: 46 })] },
      5,
      'moving',
    ],
    // 20 credits in 5 minutes with 10 to go to the threshold: it is reached in 2.5 minutes.
    ['falling fast toward the threshold', { points: readings([5, 130], [0, 110]) }, 3, 'crossing-soon'],
    // Already low: the next alert is at zero, 8 credits away at 10 per 5 minutes.
    ['falling fast toward zero', { points: readings([5, 18], [0, 8]) }, 4.5, 'crossing-soon'],
    ['a crossing due in seconds still leaves a minute', { points: readings([5, 200], [0, 101]) }, 1, 'crossing-soon'],
    ['falling, the threshold far off at this pace', { points: readings([5, 160], [0, 150]) }, 5, 'moving'],
    ['close to the threshold, just changed', { points: readings([20, 150], [5, 140], [0, 140]) }, 5, 'near-threshold'],
    [
      'close to the threshold, quiet for 10 minutes',
      { points: readings([25, 150], [10, 140], [0, 140]) },
      10,
      'near-threshold',
    ],
    [
      'close to the threshold, quiet for hours',
      { points: readings([300, 150], [180, 140], [0, 140]) },
      15,
      'near-threshold',
    ],
    ['under the threshold, quiet for hours', { points: readings([300, 90], [180, 80], [0, 80]) }, 15, 'near-threshold'],
    [
      'exactly twice the threshold counts as close',
      { points: readings([300, 210], [180, 200], [0, 200]) },
      15,
      'near-threshold',
    ],
    [
      'a run-out forecast within two days',
      { points: readings([300, 510], [180, 500], [0, 500]), runOutAt: NOW + 1.5 * DAY },
      15,
      'running-out',
    ],
    [
      'a run-out forecast three days off does not count',
      { points: readings([300, 510], [180, 500], [0, 500]), runOutAt: NOW + 3 * DAY },
      15,
      'recently-active',
    ],
    [
      'no credits left: nothing more to warn about',
      { points: readings([300, 10], [180, 0], [0, 0]) },
      15,
      'recently-active',
    ],
    [
      'quiet for hours, but moved this week',
      { points: readings([3 * 24 * 60, 510], [3 * 24 * 60 - 15, 500], [0, 500]) },
      15,
      'recently-active',
    ],
    [
      'quiet since it moved 8 days ago',
      { points: readings([8 * 24 * 60, 510], [8 * 24 * 60 - 15, 500], [0, 500]) },
      60,
      'quiet',
    ],
    ['first reading: nothing known yet', { points: readings([0, 500]) }, 15, 'quiet'],
    ['unchanged for 20 minutes since the first reading', { points: readings([20, 500], [0, 500]) }, 20, 'quiet'],
    ['unchanged for 40 minutes', { points: readings([40, 500], [20, 500], [0, 500]) }, 40, 'quiet'],
    ['unchanged for 3 hours', { points: readings([180, 500], [60, 500], [0, 500]) }, 60, 'quiet'],
    [
      'a top-up raised the credits: not falling',
      { points: [reading(15, 50), reading(0, 550, { topup: 500, used: 950 })] },
      15,
      'recently-active',
    ],
  ] as const)('%s: %d minutes (%s)', (_, input, minutes, reason) => {
    expect(plan({ ...input, points: [...input.points] })).toEqual({ minutes, reason });
  });

  it('waits an hour, however fast the credits fall, once 120 checks fall in the last 24 hours', () => {
    // A reading every 12 minutes for a day, each 10 credits under the one before.
    const day = Array.from({ length: 120 }, (_, index) => reading((119 - index) * 12, 5000 - index * 10));
    expect(plan({ points: day })).toEqual({ minutes: 60, reason: 'daily-budget' });
    expect(plan({ points: day.slice(1) })).toEqual({ minutes: 5, reason: 'moving' });
  });

  it('treats readings dated after now (a clock turned back) as not yet taken', () => {
    const points = [reading(180, 500), reading(0, 500), reading(-30, 400)];
    expect(plan({ points })).toEqual({ minutes: 60, reason: 'quiet' });
  });

  it.each([
    [0, 15 * 0.95],
    [1, 15 * 1.05],
  ])('moves each wait by up to 5%% either way (random %s → %s minutes)', (random, minutes) => {
    expect(plan({ points: readings([300, 510], [180, 500], [0, 500]), random }).minutes).toBeCloseTo(minutes, 6);
  });

  it('never stretches past an hour for the jitter', () => {
    expect(plan({ points: readings([0, 500]), presence: 'idle', random: 1 }).minutes).toBe(60);
  });
});

describe('a Retry-After still running', () => {
  it.each<[CheckEvery, number, number, string]>([
    ['auto', 20, 20, 'retry-after'],
    [15, 20, 20, 'retry-after'],
    ['auto', 2, 5, 'moving'],
    [15, 2, 15, 'chosen-interval'],
  ])('%s with a wait until %d minutes: %d minutes (%s)', (choice, waitMinutes, minutes, reason) => {
    const points = readings([15, 900], [0, 850]);
    expect(plan({ choice, points, notBefore: NOW + waitMinutes * MINUTE })).toEqual({ minutes, reason });
  });
});

describe('Automatic (properties)', () => {
  const point = (at: number) =>
    fc.record({
      at: fc.constant(at),
      remaining: fc.integer({ min: 0, max: 20_000 }),
      used: fc.integer({ min: 0, max: 10_000 }),
      monthly: fc.constantFrom(0, 200, 1000, 10_000),
      topup: fc.integer({ min: 0, max: 5000 }),
      compressionsUsed: fc.integer({ min: 0, max: 500 }),
      compressionsLimit: fc.constantFrom(20, 200, 99_999),
    });
  const points = fc
    .array(fc.integer({ min: -60 * DAY, max: HOUR }), { maxLength: 12 })
    .chain((offsets) => fc.tuple(...offsets.toSorted((a, b) => a - b).map((offset) => point(NOW + offset))));
  const input = fc.record({
    now: fc.constant(NOW),
    choice: fc.constantFrom<CheckEvery>('auto', ...CHECK_INTERVALS),
    points,
    remaining: fc.integer({ min: 0, max: 20_000 }),
    threshold: fc.integer({ min: 0, max: 2000 }),
    runOutAt: fc.option(fc.integer({ min: NOW - DAY, max: NOW + 30 * DAY }), { nil: null }),
    presence: fc.constantFrom<Presence | undefined>(undefined, 'active', 'idle', 'locked'),
    notBefore: fc.option(fc.integer({ min: NOW - HOUR, max: NOW + 6 * HOUR }), { nil: undefined }),
    random: fc.double({ min: 0, max: 1, noNaN: true }),
  });

  it('never plans a check before a Retry-After runs out', () => {
    fc.assert(
      fc.property(input, (given) => {
        expect(nextCheckAt(given).at).toBeGreaterThanOrEqual(given.notBefore ?? -Infinity);
      }),
    );
  });

  it('never waits more than an hour while a person is (or may be) active, unless FluxImage asked to', () => {
    fc.assert(
      fc.property(input, fc.constantFrom<Presence | undefined>(undefined, 'active'), (given, presence) => {
        const wait = nextCheckAt({ ...given, notBefore: undefined, presence }).at - NOW;
        expect(wait).toBeLessThanOrEqual(60 * MINUTE);
      }),
    );
  });

  it('never plans two checks within a minute of each other', () => {
    fc.assert(
      fc.property(input, (given) => {
        expect(nextCheckAt(given).at - given.now).toBeGreaterThanOrEqual(AUTO_RULES.minGap);
      }),
    );
  });

  it('never checks more than 150 times in any 24 hours, even an account that moves all day and night', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        fc.constantFrom<Presence | undefined>(undefined, 'active'),
        (fallPerCheck, randoms, presence) => {
          // Every check sees the credits fall, far above the threshold: the policy alone decides the pace.
          const points: HistoryPoint[] = [reading(0, 1_000_000)];
          const jitter = randoms[Symbol.iterator]();
          while (points.at(-1)!.at < NOW + 3 * DAY) {
            const last = points.at(-1)!;
            const now = last.at;
            const { at } = nextCheckAt({
              now,
              choice: 'auto',
              points: points.filter((point) => point.at > now - 2 * DAY),
              remaining: last.remaining,
              threshold: 100,
              runOutAt: null,
              presence,
              random: jitter.next().value as number,
            });
            points.push({ ...last, at, remaining: last.remaining - fallPerCheck });
          }
          const times = points.map((point) => point.at);
          for (const [index, start] of times.entries()) {
            const inDay = times.slice(index).filter((at) => at < start + DAY).length;
            expect(inDay).toBeLessThanOrEqual(150);
          }
        },
      ),
      { numRuns: 20 },
    );
  });

  it('checks on a return no sooner than a minute after the last check', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 * HOUR }), fc.integer({ min: 0, max: 2 * HOUR }), (age, planned) => {
        const status: PollStatus = { kind: 'ok', checkedAt: NOW - age, nextAt: NOW - age + planned };
        const at = checkOnReturnAt('auto', status, NOW, 10);
        if (at !== null) expect(at - status.checkedAt).toBeGreaterThanOrEqual(AUTO_RULES.minGap);
      }),
    );
  });
});

describe('when the person comes back', () => {
  const ok = (minutesAgo: number, nextInMinutes = 60): PollStatus => ({
    kind: 'ok',
    checkedAt: NOW - minutesAgo * MINUTE,
    nextAt: NOW + nextInMinutes * MINUTE,
  });
  const failed = (kind: 'rate-limited' | 'network'): PollStatus => ({
    kind,
    checkedAt: NOW - HOUR,
    since: NOW - HOUR,
    attempts: 3,
    nextAt: NOW + 10 * MINUTE,
  });
  it.each<[string, CheckEvery, PollStatus | null, number | null, number?]>([
    ['Automatic, last check 6 minutes old: check now', 'auto', ok(6), 0],
    ['Automatic, 6 minutes old, but the day’s budget is spent: keep the hourly plan', 'auto', ok(6), null, 120],
    ['Automatic, last check exactly 5 minutes old: check now', 'auto', ok(RETURN_CHECK_AFTER / MINUTE), 0],
    ['Automatic, last check 4 minutes old: check when it is 5', 'auto', ok(4), 1],
    ['Automatic, 4 minutes old with the next check sooner anyway: keep it', 'auto', ok(4, 0.5), null],
    ['a fixed interval keeps its rhythm', 15, ok(40), null],
    ['no check yet', 'auto', null, null],
    ['FluxImage asked to wait (Retry-After)', 'auto', failed('rate-limited'), null],
    ['backing off after failures', 'auto', failed('network'), null],
    ['the last check is dated an hour ahead (clock turned back): check now', 'auto', ok(-60), 0],
  ])('%s', (_, choice, status, minutes, checksToday = 30) => {
    const at = checkOnReturnAt(choice, status, NOW, checksToday);
    expect(at === null ? null : (at - NOW) / MINUTE).toBe(minutes);
  });
});

describe('the alarm and a change of choice', () => {
  it.each<[CheckEvery, number]>([
    ['auto', 60],
    [5, 5],
    [30, 30],
  ])('repeats a %s schedule every %d minutes as a safety net', (choice, minutes) => {
    expect(repeatMinutes(choice)).toBe(minutes);
  });

  const status = (nextInMinutes: number) => ({ checkedAt: NOW, nextAt: NOW + nextInMinutes * MINUTE });
  it.each<[string, CheckEvery, number, number]>([
    ['a fixed choice counts from the last check', 30, 60, 30],
    ['Automatic keeps a sooner plan', 'auto', 5, 5],
    ['Automatic brings a later plan back to 15 minutes', 'auto', 60, 15],
  ])('%s', (_, choice, planned, minutes) => {
    expect((nextCheckForChoice(status(planned), choice) - NOW) / MINUTE).toBe(minutes);
  });
});

describe('while an unusual-spending episode is under way', () => {
  const quiet = readings([3 * 24 * 60, 500], [0, 500]);

  it.each([...CHECK_INTERVALS, 'auto'] as CheckEvery[])(
    'checking every %s, the next check is 5 minutes on',
    (choice) => {
      expect(plan({ points: quiet, choice, watchSpending: true }).minutes).toBe(5);
      if (choice !== 5) expect(plan({ points: quiet, choice, watchSpending: true }).reason).toBe('unusual-spending');
    },
  );

  it('keeps a sooner check that was planned anyway', () => {
    // Credits falling fast enough to reach the threshold within a minute or two.
    const falling = readings([5, 300], [0, 110]);
    expect(plan({ points: falling, watchSpending: true }).minutes).toBeLessThan(5);
  });

  it('with Automatic, keeps to its daily budget once spent', () => {
    const busy = Array.from({ length: AUTO_RULES.dailyBudget }, (_, index) => reading(index * 10, 500 - index));
    expect(plan({ points: busy.toReversed(), watchSpending: true })).toEqual({ minutes: 60, reason: 'daily-budget' });
  });

  it('still waits out a Retry-After', () => {
    const notBefore = NOW + 20 * MINUTE;
    expect(plan({ points: quiet, watchSpending: true, notBefore })).toEqual({ minutes: 20, reason: 'retry-after' });
  });

  it('keeps its closer watch when the user picks another interval', () => {
    const status = { checkedAt: NOW, nextAt: NOW + 5 * MINUTE };
    expect(nextCheckForChoice(status, 60, true)).toBe(NOW + 5 * MINUTE);
    expect(nextCheckForChoice(status, 60, false)).toBe(NOW + 60 * MINUTE);
  });
});
