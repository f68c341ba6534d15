import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY, HOUR } from '@/lib/history/calendar';
import { appendPoint } from '@/lib/history/readings';
import { EMPTY_HISTORY, type HistoryPoint, type UsageHistory } from '@/lib/history/points';
import {
  decideUnusualSpending,
  readSpending,
  usualHourlySpend,
  type SpendingEpisode,
  type SpendingReading,
} from '@/lib/foresight/unusual-spending';

const MINUTE = 60_000;
const START = Date.UTC(2026, 10, 1);

interface Pattern {
  /** Days of readings before the one tested. */
  days?: number;
  every?: number;
  /** Credits spent between two readings. */
  perReading?: number;
  monthly?: number;
  /** Whether a reading is taken at this time (the browser open). */
  open?: (at: number) => boolean;
}

/** Readings at a steady pace, thinned as the extension keeps them. */
function steady({ days = 8, every = 15 * MINUTE, perReading = 1, monthly = 1000, open = () => true }: Pattern = {}) {
  let history: UsageHistory = EMPTY_HISTORY;
  let used = 0;
  for (let at = START; at <= START + days * DAY; at += every) {
    if (!open(at)) continue;
    used += perReading;
    const point = {
      at,
      remaining: monthly - used,
      used,
      monthly,
      topup: 0,
      compressionsUsed: 0,
      compressionsLimit: 99,
    };
    history = appendPoint(history, point, at);
  }
  return history;
}

/** The history with one more reading `after` the last, its counters moved by `change`. */
function then(history: UsageHistory, after: number, change: (last: HistoryPoint) => Partial<HistoryPoint>) {
  const last = history.points.at(-1)!;
  const next = { ...last, ...change(last), at: last.at + after };
  next.remaining = next.monthly - next.used + next.topup;
  return { history: appendPoint(history, next, next.at), now: next.at };
}

const spend = (credits: number) => (last: HistoryPoint) => ({ used: last.used + credits });

type Case = [string, { history: UsageHistory; now: number }, SpendingReading];

describe('reading the spending since the previous check', () => {
  const cases: Case[] = [
    [
      'a spike: 300 credits in an hour against a usual 30 an hour',
      then(steady({ every: HOUR, perReading: 30, monthly: 10_000 }), HOUR, spend(300)),
      { kind: 'spike', spent: 300, periodMs: HOUR, multiple: 10 },
    ],
    [
      'a spike between 15-minute checks: 75 credits against a usual 4 an hour',
      then(steady(), 15 * MINUTE, spend(75)),
      { kind: 'spike', spent: 75, periodMs: 15 * MINUTE, multiple: 75 },
    ],
    [
      'a steady heavy user: 50 credits every 15 minutes, as always',
      then(steady({ perReading: 50, monthly: 1_000_000 }), 15 * MINUTE, spend(50)),
      { kind: 'normal' },
    ],
    [
      'a heavy user in a busier hour: 4 times the usual pace is not yet unusual',
      then(steady({ perReading: 50, monthly: 1_000_000 }), 15 * MINUTE, spend(200)),
      { kind: 'normal' },
    ],
    [
      'a monthly reset: the counters fall, nothing is spent',
      then(steady(), 15 * MINUTE, () => ({ used: 5 })),
      { kind: 'unknown' },
    ],
    [
      'a top-up bought: the credits left jump, and what was spent with it is not an alarm',
      then(steady(), 15 * MINUTE, (last) => ({ used: last.used + 100, topup: 500 })),
      { kind: 'unknown' },
    ],
    [
      'top-up credits spent fast are spending',
      then(then(steady(), 15 * MINUTE, () => ({ topup: 500 })).history, 15 * MINUTE, () => ({ topup: 400 })),
      { kind: 'spike', spent: 100, periodMs: 15 * MINUTE, multiple: 100 },
    ],
    [
      'a plan change: the allocation moves the credits left, not spending',
      then(steady(), 15 * MINUTE, () => ({ monthly: 500 })),
      { kind: 'unknown' },
    ],
    [
      'a plan change with more used (a new allocation counted anew) is not an alarm either',
      then(steady(), 15 * MINUTE, (last) => ({ monthly: 10_000, used: last.used + 400 })),
      { kind: 'unknown' },
    ],
    [
      'a gap of 10 hours: 60 credits spread over it are 6 an hour, not a spike',
      then(steady(), 10 * HOUR, spend(60)),
      { kind: 'normal' },
    ],
    [
      'a gap of 10 hours at a real spike’s rate: 600 credits are 60 an hour',
      then(steady(), 10 * HOUR, spend(600)),
      { kind: 'spike', spent: 600, periodMs: 10 * HOUR, multiple: 15 },
    ],
    [
      'the first day of history says nothing of what is usual',
      then(steady({ days: 0.8 }), 15 * MINUTE, spend(300)),
      { kind: 'unknown' },
    ],
    [
      'under the floor of 20 credits: 15 credits in 5 minutes are not an alarm',
      then(steady({ perReading: 0.1 }), 5 * MINUTE, spend(15)),
      { kind: 'normal' },
    ],
    [
      'under the floor of 2 % of a 10,000-credit allocation: 150 credits',
      then(steady({ monthly: 10_000 }), 15 * MINUTE, spend(150)),
      { kind: 'normal' },
    ],
    [
      'at the floor of 2 % of a 10,000-credit allocation: 200 credits',
      then(steady({ monthly: 10_000 }), 15 * MINUTE, spend(200)),
      { kind: 'spike', spent: 200, periodMs: 15 * MINUTE, multiple: 200 },
    ],
    [
      'an account that usually spends nothing: no multiple to tell',
      then(steady({ perReading: 0 }), 15 * MINUTE, spend(40)),
      { kind: 'spike', spent: 40, periodMs: 15 * MINUTE, multiple: null },
    ],
  ];

  it.each(cases)('%s', (_, { history, now }, expected) => {
    const reading = readSpending(history, now);
    if (expected.kind === 'spike' && reading.kind === 'spike' && expected.multiple !== null) {
      expect(reading.multiple).toBeCloseTo(expected.multiple, 6);
      expect({ ...reading, multiple: expected.multiple }).toEqual(expected);
    } else expect(reading).toEqual(expected);
  });

  it('leaves out readings dated after now (a clock turned back)', () => {
    const { history, now } = then(steady(), 15 * MINUTE, spend(300));
    expect(readSpending(history, now - 1).kind).toBe('normal');
  });
});

describe('the usual pace', () => {
  it('is the median spend of the clock hours with readings, whatever the thinning', () => {
    // Eight days of 15-minute readings: the last two days in full, the rest one reading an hour.
    const history = steady({ perReading: 2 });
    expect(usualHourlySpend(history.points, history.points.at(-1)!.at)).toBeCloseTo(8, 6);
  });

  it('does not fall for nights away: a night is one hour with readings, not twelve of nothing', () => {
    const open = (at: number) => new Date(at).getUTCHours() >= 8 && new Date(at).getUTCHours() < 20;
    const history = steady({ perReading: 2, open });
    expect(usualHourlySpend(history.points, history.points.at(-1)!.at)).toBeCloseTo(8, 6);
  });

  it('counts only the last 7 days', () => {
    // A busy week long ago, then a quiet one.
    const busy = steady({ days: 7, every: HOUR, perReading: 100, monthly: 100_000 });
    let history = busy;
    for (let hour = 1; hour <= 7 * 24; hour += 1) history = then(history, HOUR, spend(1)).history;
    expect(usualHourlySpend(history.points, history.points.at(-1)!.at)).toBeCloseTo(1, 6);
  });
});

describe('an episode of unusual spending', () => {
  const spike: SpendingReading = { kind: 'spike', spent: 300, periodMs: HOUR, multiple: 10 };
  const normal: SpendingReading = { kind: 'normal' };
  const unknown: SpendingReading = { kind: 'unknown' };

  /** How many notifications a run of readings (one every `step`) makes. */
  function announced(readings: SpendingReading[], step = 5 * MINUTE) {
    let episode: SpendingEpisode | null = null;
    return readings.map((reading, index) => {
      const decision = decideUnusualSpending(episode, reading, START + index * step);
      episode = decision.episode;
      return decision.announce ? 1 : 0;
    });
  }

  it('is announced once, however long the spending goes on', () => {
    expect(announced([spike, spike, spike, normal, spike, spike])).toEqual([1, 0, 0, 0, 0, 0]);
  });

  it('ends after 3 hours at a normal pace; a spike after that is a new episode', () => {
    const calm = Array.from({ length: 36 }, () => normal); // 3 hours of 5-minute checks
    expect(announced([spike, ...calm, spike]).filter(Boolean)).toHaveLength(2);
    expect(announced([spike, ...calm.slice(1), spike]).filter(Boolean)).toHaveLength(1);
  });

  it('a reset or a top-up in the middle neither ends it nor starts another', () => {
    expect(announced([spike, unknown, spike], HOUR)).toEqual([1, 0, 0]);
    const decision = decideUnusualSpending({ startedAt: START, lastSpikeAt: START }, unknown, START + 5 * HOUR);
    expect(decision.episode).not.toBeNull();
  });

  it('a clock turned back counts the calm from now, not from a spike in its future', () => {
    const episode = { startedAt: START, lastSpikeAt: START + DAY };
    const decision = decideUnusualSpending(episode, normal, START);
    expect(decision.episode).toEqual({ startedAt: START, lastSpikeAt: START });
    expect(decideUnusualSpending(decision.episode, normal, START + 3 * HOUR).episode).toBeNull();
  });
});

describe('for any spending pattern', () => {
  const pattern = fc.record({
    perReading: fc.integer({ min: 0, max: 80 }),
    every: fc.constantFrom(5 * MINUTE, 15 * MINUTE, HOUR),
    monthly: fc.constantFrom(200, 1000, 10_000),
  });

  it('a reset, a top-up bought or a plan change is never unusual spending, whatever else moved', () => {
    fc.assert(
      fc.property(
        pattern,
        fc.constantFrom('reset', 'topup', 'plan'),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 1, max: 600 }),
        (shape, event, credits, minutes) => {
          const history = steady({ days: 2, ...shape });
          // A reset shows as credits used falling to near zero: something must have been used.
          fc.pre(event !== 'reset' || history.points.at(-1)!.used > 0);
          const change = (last: HistoryPoint): Partial<HistoryPoint> =>
            event === 'reset'
              ? { used: 0, topup: Math.max(0, last.topup - credits) }
              : event === 'topup'
                ? { used: last.used + credits, topup: last.topup + 500 }
                : { monthly: last.monthly * 2, used: last.used + credits };
          const next = then(history, minutes * MINUTE, change);
          expect(readSpending(next.history, next.now).kind).toBe('unknown');
        },
      ),
      { numRuns: 60 },
    );
  });

  it('the same spend spread over a longer gap is never more unusual', () => {
    fc.assert(
      fc.property(
        pattern,
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 600 }),
        (shape, credits, minutes) => {
          const history = steady({ days: 2, ...shape });
          const short = then(history, minutes * MINUTE, spend(credits));
          const long = then(history, 2 * minutes * MINUTE, spend(credits));
          if (readSpending(long.history, long.now).kind === 'spike') {
            expect(readSpending(short.history, short.now).kind).toBe('spike');
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
