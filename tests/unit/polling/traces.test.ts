// @vitest-environment node
// The freshness benchmark's ground: the trace model (what FluxImage would answer, and when a push
// would have told of a crossing) and the measures taken from a replay.
import { describe, expect, it } from 'vitest';
import { notificationsFor, requestCounts, staleWhileActive } from '../../support/freshness';
import type { Replay } from '../../support/replay';
import { loadTrace, remainingAt, toTrace, traceNames, trueCrossings, usageBody } from '../../support/trace';

const MINUTE = 60_000;
const START = Date.parse('2026-03-02T00:00Z');
const iso = (minutes: number) => new Date(START + minutes * MINUTE).toISOString().slice(0, 16) + 'Z';
const at = (minutes: number) => START + minutes * MINUTE;

/** A one-day Pro account with 150 credits left (100 monthly, 50 top-up), threshold 100. */
function small(usage: unknown[] = [], spans: unknown[] = []) {
  return toTrace('small', {
    about: 'test',
    start: iso(0),
    days: 1,
    account: { plan: 'pro', monthly: 1000, used: 900, topup: 50, compressionsUsed: 10, compressionsLimit: 99999 },
    settings: { threshold: null, renewalDay: null },
    usage,
    presence: { otherwise: 'locked', spans },
  });
}

describe('a trace', () => {
  it('spends credits evenly over a spend: monthly credits first, then top-up credits, never below zero', () => {
    const trace = small([{ from: iso(60), to: iso(70), credits: 200, compressions: 20 }]);
    expect(trace.accountAt(at(60))).toMatchObject({ used: 900, topup: 50 });
    expect(trace.accountAt(at(65))).toMatchObject({ used: 1000, topup: 50, compressionsUsed: 20 });
    expect(trace.accountAt(at(66))).toMatchObject({ used: 1000, topup: 30 });
    expect(remainingAt(trace, at(68))).toBe(0);
    expect(remainingAt(trace, at(70))).toBe(0);
  });

  it('adds a top-up, zeroes the period’s counters at a reset, and changes plan', () => {
    const trace = small([
      { at: iso(10), topup: 500 },
      { at: iso(20), reset: true },
      { at: iso(30), plan: 'agency', monthly: 10_000, compressionsLimit: 99999 },
    ]);
    expect(remainingAt(trace, at(10))).toBe(650);
    expect(trace.accountAt(at(20))).toMatchObject({ used: 0, compressionsUsed: 0, topup: 550 });
    expect(remainingAt(trace, at(30))).toBe(10_550);
  });

  it('answers in the shape of GET /api/usage', () => {
    const trace = small([{ from: iso(0), to: iso(10), credits: 150 }]);
    expect(usageBody(trace.accountAt(at(10)))).toMatchObject({
      plan: 'pro',
      ia_credits_used: 1000,
      ia_topup_credits: 0,
      ia_credits_remaining: 0,
      canUseIA: false,
      canCompress: true,
    });
  });

  it('knows where the person is, when they come back and when they would next see a notification', () => {
    const trace = small(
      [],
      [
        { from: iso(540), to: iso(600), state: 'active' },
        { from: iso(600), to: iso(615), state: 'idle' },
        { from: iso(615), to: iso(700), state: 'active' },
      ],
    );
    expect([0, 550, 605, 650, 800].map((minutes) => trace.presenceAt(at(minutes)))).toEqual([
      'locked',
      'active',
      'idle',
      'active',
      'locked',
    ]);
    expect(trace.returns).toEqual([at(540), at(615)]);
    expect(trace.nextActiveAt(at(605))).toBe(at(615));
    expect(trace.nextActiveAt(at(650))).toBe(at(650));
    expect(trace.nextActiveAt(at(800))).toBe(Number.POSITIVE_INFINITY);
  });

  it.each([
    [
      'a top-up inside a spend',
      [
        { from: iso(0), to: iso(10), credits: 5 },
        { at: iso(5), topup: 1 },
      ],
      [],
    ],
    [
      'overlapping presence',
      [],
      [
        { from: iso(0), to: iso(10), state: 'active' },
        { from: iso(5), to: iso(20), state: 'idle' },
      ],
    ],
    ['a time without its offset', [{ at: '2026-03-02T10:00', topup: 1 }], []],
  ])('refuses %s', (_, usage, spans) => {
    expect(() => small(usage, spans)).toThrow();
  });

  it('tells the true moments of each crossing, as a push would', () => {
    // 150 left, threshold 100: the 50th credit of 200 over 100 minutes crosses it, the 150th empties it;
    // after the top-up, the 400th of 450 over 45 minutes crosses it again.
    const trace = small([
      { from: iso(100), to: iso(200), credits: 200 },
      { at: iso(300), topup: 500 },
      { from: iso(400), to: iso(445), credits: 450 },
    ]);
    expect(trueCrossings(trace)).toEqual([
      { at: at(125), level: 'low' },
      { at: at(175), level: 'empty' },
      { at: at(440), level: 'low' },
    ]);
  });

  it.each(traceNames())('%s.json is a valid week', (name) => {
    const trace = loadTrace(name);
    expect(trace.end - trace.start).toBe(7 * 24 * 60 * MINUTE);
    expect(trace.about.length).toBeGreaterThan(20);
  });
});

/** A replay record as the replay would write it. */
const record = (changes: Partial<Replay>): Replay => ({
  from: START,
  requests: [],
  maxInFlight: 1,
  readings: [],
  alerts: [],
  insightAlerts: [],
  ...changes,
});

describe('what a replay is measured by', () => {
  it('counts requests per day and the closest two', () => {
    const trace = small();
    const counts = requestCounts(trace, record({ requests: [at(0), at(15), at(16), at(90)] }));
    expect(counts).toEqual({ perDay: 4, mostInADay: 4, minGapMs: MINUTE, maxInFlight: 1 });
  });

  it('pairs each crossing with the first notification as severe, and counts one never told', () => {
    const trace = small([
      { from: iso(100), to: iso(200), credits: 200 },
      { at: iso(300), topup: 500 },
      { from: iso(400), to: iso(445), credits: 450 },
    ]);
    const notified = notificationsFor(
      trace,
      // "None left" at 180 tells of the low crossing at 125 too; nothing tells of the one at 440.
      record({ alerts: [{ at: at(180), level: 'empty' }] }),
    );
    expect(notified.map((n) => [n.crossing.level, n.at === null ? null : (n.at - n.crossing.at) / MINUTE])).toEqual([
      ['low', 55],
      ['empty', 5],
      ['low', null],
    ]);
  });

  it('counts a notification while nobody looks as seen when they are back, like a push would be', () => {
    const trace = small(
      [{ from: iso(100), to: iso(200), credits: 100 }],
      [{ from: iso(600), to: iso(700), state: 'active' }],
    );
    const [low] = notificationsFor(trace, record({ alerts: [{ at: at(300), level: 'low' }] }));
    expect(low!.seenLateMs).toBe(0);
    const [late] = notificationsFor(trace, record({ alerts: [{ at: at(610), level: 'low' }] }));
    expect(late!.seenLateMs).toBe(10 * MINUTE);
  });

  it('samples the badge’s staleness at each active minute: the time since the truth left the number shown', () => {
    // One credit a minute from minute 3 to 6; checks at 0 and at 8; the person is active from 0 to 10.
    const trace = small([{ from: iso(3), to: iso(6), credits: 3 }], [{ from: iso(0), to: iso(10), state: 'active' }]);
    const readings = [
      { at: at(0), remaining: 150 },
      { at: at(8), remaining: 147 },
    ];
    const minutes = staleWhileActive(trace, record({ readings })).map((ms) => ms / MINUTE);
    expect(minutes).toEqual([0, 0, 0, 0, 0, 1, 2, 3, 0, 0]);
  });
});
