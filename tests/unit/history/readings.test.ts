import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DAY, HOUR } from '@/lib/history/calendar';
import { decodeHistory, encodeHistory } from '@/lib/history/codec';
import { appendPoint, downsample, recordReading } from '@/lib/history/readings';
import { continuesHistory } from '@/lib/polling/continuity';
import { EMPTY_HISTORY, toHistoryPoint, type HistoryPoint, type UsageHistory } from '@/lib/history/points';
import { historyItem } from '@/lib/history/stored';
import { usage } from '../helpers';
import { observe } from '../observed';

const MINUTE = 60_000;
const START = new Date(2025, 10, 1, 0, 7).getTime();

function point(at: number, changes: Partial<HistoryPoint> = {}): HistoryPoint {
  return {
    at,
    remaining: 1000,
    used: 0,
    monthly: 1000,
    topup: 0,
    compressionsUsed: 0,
    compressionsLimit: 500,
    ...changes,
  };
}

/** A year of polls every 15 minutes, spending a few credits now and then, with monthly resets. */
function simulateYear(): { history: UsageHistory; now: number } {
  let history = EMPTY_HISTORY;
  let used = 0;
  let compressions = 0;
  let now = START;
  for (let poll = 0; poll < 365 * 96; poll += 1) {
    now = START + poll * 15 * MINUTE;
    if (poll % (30 * 96) === 0) {
      used = 0;
      compressions = 0;
    }
    used = Math.min(1000, used + ((poll * 7) % 11 === 0 ? (poll % 5) + 1 : 0));
    compressions += poll % 3 === 0 ? 1 : 0;
    const reading = point(now, { remaining: 1000 - used, used, compressionsUsed: compressions });
    history = appendPoint(history, reading, now);
  }
  return { history, now };
}

describe('usage history', () => {
  it('keeps a year of 15-minute polls under 64 kB, at full, hourly and daily detail', () => {
    const { history, now } = simulateYear();
    const size = new TextEncoder().encode(JSON.stringify(encodeHistory(history))).length;
    expect(size).toBeLessThan(64_000);

    const ages = history.points.map((p) => now - p.at);
    const recent = ages.filter((age) => age <= 48 * HOUR).length;
    const hourly = ages.filter((age) => age > 48 * HOUR && age <= 35 * DAY).length;
    const daily = ages.filter((age) => age > 35 * DAY).length;
    expect(recent).toBe(48 * 4 + 1);
    expect(hourly).toBeGreaterThanOrEqual(33 * 24 - 1);
    expect(hourly).toBeLessThanOrEqual(33 * 24 + 1);
    expect(daily).toBeGreaterThanOrEqual(365 - 35 - 1);
    expect(history.resets).toHaveLength(12);
  }, 30_000);
});

describe('thinning old detail', () => {
  const now = new Date(2026, 5, 30, 12, 0).getTime();

  it('keeps the last reading of each local day once it is older than 35 days', () => {
    const at = (hour: number, minute = 0) => new Date(2026, 4, 1, hour, minute).getTime();
    const kept = downsample([point(at(0, 5)), point(at(9)), point(at(23, 55)), point(at(24, 10))], now);
    expect(kept.map((p) => new Date(p.at).toString())).toEqual([
      new Date(2026, 4, 1, 23, 55).toString(),
      new Date(2026, 4, 2, 0, 10).toString(),
    ]);
  });

  it('keeps the last reading of each hour between 48 hours and 35 days', () => {
    const base = now - 10 * DAY - (now % HOUR);
    const kept = downsample([point(base + 1), point(base + 30 * MINUTE), point(base + HOUR + 5)], now);
    expect(kept.map((p) => p.at)).toEqual([base + 30 * MINUTE, base + HOUR + 5]);
  });

  it('keeps every reading of the last 48 hours and forgets those over 400 days old', () => {
    const recent = [now - 47 * HOUR, now - 47 * HOUR + MINUTE, now - MINUTE].map((at) => point(at));
    expect(downsample([point(now - 401 * DAY), ...recent], now)).toEqual(recent);
  });
});

describe('adding a reading', () => {
  const now = START + 10 * DAY;

  it('notes a monthly reset, but not a top-up', () => {
    let history = appendPoint(EMPTY_HISTORY, point(now - 2 * HOUR, { used: 900, remaining: 100 }), now);
    history = appendPoint(history, point(now - HOUR, { used: 900, remaining: 600, topup: 500 }), now);
    expect(history.resets).toEqual([]);
    history = appendPoint(history, point(now, { used: 0, remaining: 1500, topup: 500 }), now);
    expect(history.resets).toEqual([{ before: now - HOUR, after: now }]);
    expect(history.points).toHaveLength(3);
  });

  it('drops readings dated after the clock was turned back', () => {
    let history = appendPoint(EMPTY_HISTORY, point(now - 2 * HOUR), now - 2 * HOUR);
    history = appendPoint(history, point(now + DAY), now + DAY);
    history = appendPoint(history, point(now), now);
    expect(history.points.map((p) => p.at)).toEqual([now - 2 * HOUR, now]);
  });

  it('records the snapshot in whole units', () => {
    const reading = toHistoryPoint({ usage: usage({ remainingCredits: 1080.7, creditsUsed: 119.5 }), fetchedAt: 5 });
    expect(reading).toEqual({
      at: 5,
      remaining: 1080,
      used: 119,
      monthly: 1000,
      topup: 200,
      compressionsUsed: 45,
      compressionsLimit: 99999,
    });
  });
});

describe('stored history', () => {
  const sample: UsageHistory = {
    points: [point(START), point(START + 15 * MINUTE, { remaining: 990, used: 10 }), point(START + HOUR)],
    resets: [{ before: START - DAY - HOUR, after: START - DAY }],
  };

  it('reads back what was written', async () => {
    await historyItem.set(sample);
    expect(await historyItem.get()).toEqual(sample);
    expect(decodeHistory(encodeHistory(sample))).toEqual(sample);
  });

  it.each([
    ['not an object', 'garbage'],
    ['a missing column', { ...encodeHistory(sample), topup: undefined }],
    ['columns of different lengths', { ...encodeHistory(sample), used: [0] }],
    ['times that go backwards', { ...encodeHistory(sample), at: [START, -5, 10] }],
    ['a negative count', { ...encodeHistory(sample), remaining: [5, -10, 0] }],
    ['fractions', { ...encodeHistory(sample), monthly: [1000.5, 0, 0] }],
    ['a reset window that ends before it starts', { ...encodeHistory(sample), resets: [{ before: 9, after: 5 }] }],
    ['a reset as a plain time', { ...encodeHistory(sample), resets: [START - DAY] }],
    [
      'resets out of order',
      {
        ...encodeHistory(sample),
        resets: [
          { before: null, after: START - DAY },
          { before: null, after: START - 2 * DAY },
        ],
      },
    ],
  ])('reads %s as an empty history', async (_, stored) => {
    await fakeBrowser.storage.local.set({ usageHistory: stored, usageHistory$: { v: 2 } });
    expect(await historyItem.get()).toEqual(EMPTY_HISTORY);
  });

  it('reads history written by version 2 (the stored format in docs/usage-history.md)', async () => {
    await fakeBrowser.storage.local.set({
      usageHistory: {
        at: [1795615200000, 900000],
        remaining: [1080, -12],
        used: [120, 12],
        monthly: [1000, 0],
        topup: [200, 0],
        compressionsUsed: [45, 1],
        compressionsLimit: [500, 0],
        resets: [{ before: 1794999100000, after: 1795000000000 }],
      },
      usageHistory$: { v: 2 },
    });
    expect(await historyItem.get()).toEqual({
      points: [
        point(1795615200000, { remaining: 1080, used: 120, topup: 200, compressionsUsed: 45 }),
        point(1795616100000, { remaining: 1068, used: 132, topup: 200, compressionsUsed: 46 }),
      ],
      resets: [{ before: 1794999100000, after: 1795000000000 }],
    });
  });

  it('turns the reset times of version 1 into windows that start at the last reading kept before each', async () => {
    // Readings at 10:00, 10:15 and 10:30 (thinned from more); resets first seen before them all and at 10:30.
    await fakeBrowser.storage.local.set({
      usageHistory: {
        at: [1795615200000, 900000, 900000],
        remaining: [100, -10, 990],
        used: [900, 10, -910],
        monthly: [1000, 0, 0],
        topup: [0, 0, 0],
        compressionsUsed: [45, 1, -46],
        compressionsLimit: [500, 0, 0],
        resets: [1795000000000, 1795617000000],
      },
      usageHistory$: { v: 1 },
    });
    // A worker that has just started: it migrates what it finds once.
    vi.resetModules();
    const fresh = (await import('@/lib/history/stored')).historyItem;
    expect((await fresh.get()).resets).toEqual([
      { before: null, after: 1795000000000 },
      { before: 1795616100000, after: 1795617000000 },
    ]);
    expect(await fakeBrowser.storage.local.get('usageHistory$')).toEqual({ usageHistory$: { v: 2 } });
  });
});

describe('recording a check', () => {
  const snapshot = (fetchedAt: number, changes: Parameters<typeof usage>[0]) => ({ usage: usage(changes), fetchedAt });

  it.each([
    ['a top-up', { topupCredits: 700, remainingCredits: 1580 }, 'topup'],
    ['a reset', { creditsUsed: 0, remainingCredits: 1200 }, 'reset'],
    ['spending', { creditsUsed: 130, remainingCredits: 1070 }, null],
    ['a refunded compression', { compressionsUsed: 44 }, null],
    ['a refunded AI credit', { creditsUsed: 119, remainingCredits: 1081 }, null],
  ])('tells %s apart', (_, changes, kind) => {
    const first = recordReading(EMPTY_HISTORY, snapshot(START, {}), START);
    expect(first.event).toBeNull();
    const second = recordReading(first.history, snapshot(START + HOUR, changes), START + HOUR);
    expect(second.event).toEqual(kind && { kind, at: START + HOUR });
    expect(second.history.points).toHaveLength(2);
    expect(second.history.resets).toHaveLength(kind === 'reset' ? 1 : 0);
  });
});

describe('thinning as readings arrive', () => {
  // appendPoint skips re-thinning the old, already daily part: it must keep exactly
  // what thinning everything again on every reading would keep.
  it('keeps what re-thinning the whole history on every reading keeps', () => {
    const gaps = fc.array(
      fc.oneof(
        { weight: 30, arbitrary: fc.constant(15) },
        { weight: 3, arbitrary: fc.integer({ min: 1, max: 180 }) },
        { weight: 1, arbitrary: fc.integer({ min: 12 * 60, max: 12 * 24 * 60 }) },
      ),
      { minLength: 300, maxLength: 800 },
    );
    fc.assert(
      fc.property(gaps, (minutes) => {
        let at = START;
        let history = EMPTY_HISTORY;
        let reference: HistoryPoint[] = [];
        minutes.forEach((gap, index) => {
          at += gap * MINUTE;
          const reading = point(at, { remaining: 1000 - index, used: index });
          history = appendPoint(history, reading, at);
          reference = downsample([...reference, reading], at);
        });
        expect(history.points).toEqual(reference);
      }),
      { numRuns: 40 },
    );
  });
});

describe('whether a new key’s first answer continues the history', () => {
  const local = (month: number, day: number, hour = 0, minute = 0) =>
    new Date(2026, month - 1, day, hour, minute).getTime();
  /** An answer `minutes` after the last reading, with the counters `changes` sets. */
  const answer = (history: UsageHistory, minutes: number, changes: Partial<HistoryPoint>) => {
    const last = { ...history.points.at(-1)!, ...changes };
    const remaining = last.monthly - last.used + last.topup;
    return {
      usage: usage({
        creditsUsed: last.used,
        creditsMonthly: last.monthly,
        topupCredits: last.topup,
        remainingCredits: remaining,
        compressionsUsed: last.compressionsUsed,
        compressionsLimit: last.compressionsLimit,
      }),
      fetchedAt: history.points.at(-1)!.at + minutes * MINUTE,
    };
  };
  // This account resets on the 13th at about 19:00; by Dec 1 about 430 credits are used.
  const account = (to: number) => observe({ from: local(11, 1), to, resetsAt: [local(11, 13, 19)] });
  const dec1 = account(local(12, 1, 12));

  it.each([
    ['no readings yet', EMPTY_HISTORY, () => answer(dec1, 5, {}), true],
    [
      'a rolled key: the counters go on',
      dec1,
      (h: UsageHistory) => answer(h, 5, { used: 440, compressionsUsed: 220 }),
      true,
    ],
    [
      'another account of the same plan, early in its period',
      dec1,
      (h: UsageHistory) => answer(h, 5, { used: 3, compressionsUsed: 1 }),
      false,
    ],
    [
      'another account with lower compressions only',
      dec1,
      (h: UsageHistory) => answer(h, 5, { used: 500, compressionsUsed: 2 }),
      false,
    ],
    ['another plan', dec1, (h: UsageHistory) => answer(h, 5, { monthly: 10_000, used: 440 }), false],
    [
      'another compression limit',
      dec1,
      (h: UsageHistory) => answer(h, 5, { compressionsLimit: 200, used: 440 }),
      false,
    ],
    [
      'a rolled key across this account’s reset, due at 18:50',
      account(local(12, 13, 18, 45)),
      (h: UsageHistory) => answer(h, 25, { used: 1, compressionsUsed: 0 }),
      true,
    ],
    [
      'counters back to zero, with no reset ever seen to learn the day from',
      observe({ from: local(11, 14), to: local(12, 1) }),
      (h: UsageHistory) => answer(h, 5, { used: 0, compressionsUsed: 0 }),
      false,
    ],
  ])('%s', (_, history, next, continues) => {
    expect(continuesHistory(history, next(history))).toBe(continues);
  });

  it('takes top-up credits that fell while monthly credits were left for another account', () => {
    let history = appendPoint(EMPTY_HISTORY, point(START, { used: 100, remaining: 1100, topup: 200 }), START);
    history = appendPoint(history, point(START + HOUR, { used: 110, remaining: 1090, topup: 200 }), START + HOUR);
    expect(continuesHistory(history, answer(history, 5, { used: 120, topup: 50 }))).toBe(false);
    expect(continuesHistory(history, answer(history, 5, { used: 120, topup: 300 }))).toBe(true);
    const spentOut = appendPoint(
      history,
      point(START + 2 * HOUR, { used: 1000, remaining: 200, topup: 200 }),
      START + 2 * HOUR,
    );
    expect(continuesHistory(spentOut, answer(spentOut, 5, { used: 1000, topup: 150 }))).toBe(true);
  });
});
