import { describe, expect, it } from 'vitest';
import { FAILURE_KINDS, FAILURES } from '@/lib/polling/failures';
import { BACKOFF_BASE_MS, MIN_REFRESH_GAP_MS, POLL_INTERVAL_MS, earliestUserRefresh } from '@/lib/polling/schedule';
import { DEFAULT_SETTINGS } from '@/lib/alerts/settings';
import { EMPTY_HISTORY, toHistoryPoint, type UsageHistory } from '@/lib/history/points';
import { DEFAULT_INSIGHT_ALERT_MEMORY, type InsightAlertMemory } from '@/lib/foresight/alerts';
import { DEFAULT_INSIGHT_SETTINGS } from '@/lib/foresight/settings';
import type { PollStatus } from '@/lib/polling/status';
import { afterFailure, afterSuccess, isWaitingForUser, type SuccessInput } from '@/lib/polling/transitions';
import { KEY, usage } from '../helpers';
import { observe } from '../observed';

const NOW = Date.UTC(2026, 10, 25, 14, 0);
/** A fixed interval, so the next check is exactly 15 minutes on (the default, Automatic, has tests of its own below). */
const EVERY_15 = { ...DEFAULT_INSIGHT_SETTINGS, checkEveryMinutes: 15 as const };
const failing = (kind: Exclude<PollStatus['kind'], 'ok'>, attempts: number): PollStatus => ({
  kind,
  checkedAt: NOW - 60_000,
  since: NOW - 600_000,
  attempts,
  nextAt: NOW,
});

describe('after a good answer', () => {
  it.each([
    ['plenty left', 'normal', 1080, true, 'normal', null],
    ['crossing the threshold', 'normal', 100, true, 'low', 'low'],
    ['still low, already announced', 'low', 90, true, 'low', null],
    ['reaching zero', 'low', 0, true, 'empty', 'empty'],
    ['a top-up re-arms the alert', 'empty', 1200, true, 'normal', null],
    ['notifications off: remembered, not shown', 'normal', 50, false, 'low', null],
  ] as const)('%s', (_, memory, remaining, notifications, nextMemory, announce) => {
    const transition = afterSuccess(
      {
        alertMemory: memory,
        settings: { ...DEFAULT_SETTINGS, notifications },
        insightAlertMemory: DEFAULT_INSIGHT_ALERT_MEMORY,
        insightSettings: EVERY_15,
        renewalDay: null,
        history: EMPTY_HISTORY,
        historyDecisionPending: false,
      },
      usage({ remainingCredits: remaining }),
      NOW,
    );
    expect(transition).toMatchObject({
      snapshot: { usage: usage({ remainingCredits: remaining }), fetchedAt: NOW },
      status: { kind: 'ok', checkedAt: NOW, nextAt: NOW + POLL_INTERVAL_MS },
      alertMemory: nextMemory,
      nextAt: NOW + POLL_INTERVAL_MS,
      announce,
      announceInsights: [],
    });
    expect(transition.history?.points.map((p) => p.remaining)).toEqual([remaining]);
  });
});

describe('the first good answer for a newly saved key', () => {
  // A month into one account's history: 120 of 1,000 monthly credits used.
  const history = { points: [toHistoryPoint({ usage: usage(), fetchedAt: NOW - 60_000 })], resets: [] };
  const sameAccount = usage({ creditsUsed: 125, remainingCredits: 1075 });
  const otherAccount = usage({ plan: 'agency', creditsMonthly: 10_000, creditsUsed: 5, remainingCredits: 9_995 });

  it.each([
    ['the same account’s, pending', sameAccount, true, [1080, 1075], null],
    ['another account’s, pending', otherAccount, true, [9_995], null],
    ['another plan, nothing pending (an upgrade)', otherAccount, false, [1080, 9_995], undefined],
  ] as const)('%s → readings %j', (_, answer, historyDecisionPending, readings, marker) => {
    const transition = afterSuccess(
      {
        alertMemory: 'normal',
        settings: DEFAULT_SETTINGS,
        insightAlertMemory: DEFAULT_INSIGHT_ALERT_MEMORY,
        insightSettings: DEFAULT_INSIGHT_SETTINGS,
        renewalDay: null,
        history,
        historyDecisionPending,
      },
      answer,
      NOW,
    );
    expect(transition.history?.points.map((p) => p.remaining)).toEqual(readings);
    expect(transition.historyDecisionPending).toBe(marker);
  });
});

describe('after a failure', () => {
  it('starts a run of failures and keeps the numbers', () => {
    const transition = afterFailure({ kind: 'ok', checkedAt: NOW - 1, nextAt: NOW }, { kind: 'server' }, NOW, 1);
    expect(transition).toEqual({
      status: { kind: 'server', checkedAt: NOW, since: NOW, attempts: 1, nextAt: NOW + BACKOFF_BASE_MS },
      nextAt: NOW + BACKOFF_BASE_MS,
      announce: null,
      announceInsights: [],
    });
    expect('snapshot' in transition).toBe(false);
  });

  it('continues a run: the start stays, the attempts grow, the wait doubles', () => {
    const transition = afterFailure(failing('network', 2), { kind: 'timeout' }, NOW, 1);
    expect(transition.status).toEqual({
      kind: 'timeout',
      checkedAt: NOW,
      since: NOW - 600_000,
      attempts: 3,
      nextAt: NOW + 4 * BACKOFF_BASE_MS,
    });
  });

  it('waits as long as FluxImage asks', () => {
    expect(afterFailure(null, { kind: 'rate-limited', retryAfterMs: 600_000 }, NOW, 1).nextAt).toBe(NOW + 600_000);
  });

  it('drops the numbers of a rejected key and stops', () => {
    expect(afterFailure(null, { kind: 'unauthorized' }, NOW, 1)).toMatchObject({
      snapshot: null,
      alertMemory: null,
      nextAt: null,
    });
  });
});

describe('the failure table', () => {
  it('gives every kind words of its own', () => {
    const causes = FAILURE_KINDS.map((kind) => FAILURES[kind].cause);
    expect(new Set(causes).size).toBe(FAILURE_KINDS.length);
  });

  it.each(FAILURE_KINDS)('%s: polling stops exactly when the next attempt is "never"', (kind) => {
    const transition = afterFailure(null, { kind }, NOW, 1);
    // Waiting for a new key, or for access to be granted again.
    const waits = ['stop', 'on-access'].includes(FAILURES[kind].retry);
    expect(transition.nextAt === null).toBe(waits);
    expect(isWaitingForUser(KEY, transition.status)).toBe(waits);
  });
});

describe('when a person may ask for a check', () => {
  it.each([
    ['never checked', null, null],
    ['after a good check', { kind: 'ok', checkedAt: NOW, nextAt: NOW + POLL_INTERVAL_MS }, NOW + MIN_REFRESH_GAP_MS],
    ['after a server error', failing('server', 1), NOW - 60_000 + MIN_REFRESH_GAP_MS],
    ['after a Retry-After beyond the gap', { ...failing('rate-limited', 1), nextAt: NOW + 600_000 }, NOW + 600_000],
    [
      'after a check stored 3 hours ahead of a clock set back',
      { kind: 'ok', checkedAt: NOW + 3 * 3_600_000, nextAt: NOW + 3 * 3_600_000 + POLL_INTERVAL_MS },
      NOW + MIN_REFRESH_GAP_MS,
    ],
    [
      'after a Retry-After stored ahead of a clock set back',
      { ...failing('rate-limited', 1), checkedAt: NOW + 3_600_000, nextAt: NOW + 3_600_000 + 600_000 },
      NOW + 600_000,
    ],
  ] as const)('%s', (_, status, at) => {
    expect(earliestUserRefresh(status as PollStatus | null, NOW)).toBe(at);
  });
});

describe('waiting for the user', () => {
  it.each([
    ['no key', null, null, true],
    ['a key, never checked', KEY, null, false],
    ['a key that failed for a while', KEY, failing('server', 3), false],
    ['a rejected key', KEY, { ...failing('unauthorized', 1), nextAt: null }, true],
  ] as const)('%s', (_, key, status, waiting) => {
    expect(isWaitingForUser(key, status as PollStatus | null)).toBe(waiting);
  });
});

describe('the run-out warning over a billing period', () => {
  const local = (month: number, day: number, hour = 0, minute = 0) =>
    new Date(2026, month - 1, day, hour, minute).getTime();
  /** The account as the last reading of `history` saw it, a few minutes later. */
  const current = (history: UsageHistory) => {
    const last = history.points.at(-1)!;
    return usage({
      creditsUsed: last.used,
      creditsMonthly: last.monthly,
      topupCredits: last.topup,
      remainingCredits: last.remaining,
      compressionsUsed: last.compressionsUsed,
      compressionsLimit: last.compressionsLimit,
    });
  };
  const check = (history: UsageHistory, memory: InsightAlertMemory, now: number, renewalDay: number | null) =>
    afterSuccess(
      {
        alertMemory: 'normal',
        settings: DEFAULT_SETTINGS,
        insightAlertMemory: memory,
        insightSettings: DEFAULT_INSIGHT_SETTINGS,
        renewalDay,
        history,
        historyDecisionPending: false,
      },
      current(history),
      now,
    );
  const runOuts = (transition: ReturnType<typeof afterSuccess>) =>
    transition.announceInsights.filter((announcement) => announcement.kind === 'runOut');

  it('does not fire at midnight on the renewal day, hours before the reset the counters have not shown', () => {
    // Last month's reset came at 19:00; 30 credits a day since leaves 125: four days more, past tonight.
    const history = observe({
      from: local(10, 20, 8),
      to: local(12, 13, 0),
      resetsAt: [local(11, 13, 19)],
      perDay: 30,
    });
    for (const now of [local(12, 13, 0, 1), local(12, 13, 19, 30)]) {
      expect(runOuts(check(history, DEFAULT_INSIGHT_ALERT_MEMORY, now, null))).toEqual([]);
    }
  });

  it('fires once per period: not again when the renewal day changes, again after a reset the counters show', () => {
    // 60 credits a day since the reset on Nov 20: about 5 days left on Dec 1, weeks before Dec 20.
    const watch = { from: local(11, 1), resetsAt: [local(11, 20, 10)], perDay: 60 };
    let history = observe({ ...watch, to: local(12, 1, 12) });
    const first = check(history, DEFAULT_INSIGHT_ALERT_MEMORY, local(12, 1, 12), 20);
    expect(runOuts(first)).toEqual([expect.objectContaining({ kind: 'runOut' })]);
    expect(new Date((runOuts(first)[0] as { resetAt: number }).resetAt).toDateString()).toBe('Sun Dec 20 2026');

    // The user tries other renewal days: tomorrow (enough until then), then the 24th (short again).
    history = observe({ ...watch, to: local(12, 1, 13) });
    const tomorrow = check(history, first.insightAlertMemory!, local(12, 1, 13), 2);
    expect(runOuts(tomorrow)).toEqual([]);
    history = observe({ ...watch, to: local(12, 1, 14) });
    const moved = check(history, tomorrow.insightAlertMemory!, local(12, 1, 14), 24);
    expect(runOuts(moved)).toEqual([]);

    // The reset comes on Dec 24 as set; by Dec 28 the new period runs short too.
    history = observe({ ...watch, resetsAt: [...watch.resetsAt, local(12, 24, 10)], perDay: 240, to: local(12, 28) });
    const next = check(history, moved.insightAlertMemory!, local(12, 28), 24);
    expect(runOuts(next)).toEqual([expect.objectContaining({ kind: 'runOut' })]);
  });
});

describe('the next check after a good answer, with Automatic', () => {
  const auto = { ...DEFAULT_INSIGHT_SETTINGS, checkEveryMinutes: 'auto' as const };
  // The check before this one saw 900 credits 15 minutes ago.
  const before = {
    points: [toHistoryPoint({ usage: usage({ remainingCredits: 900 }), fetchedAt: NOW - POLL_INTERVAL_MS })],
    resets: [],
  };
  const input = (changes: Partial<SuccessInput> = {}): SuccessInput => ({
    alertMemory: 'normal',
    settings: DEFAULT_SETTINGS,
    insightAlertMemory: DEFAULT_INSIGHT_ALERT_MEMORY,
    insightSettings: auto,
    renewalDay: null,
    history: before,
    historyDecisionPending: false,
    random: 0.5,
    ...changes,
  });

  it.each<[string, Partial<SuccessInput>, number, number]>([
    ['credits fell since the last check: again in 5 minutes', {}, 850, 5],
    ['nothing moved in the 15 minutes since the first reading: 15 more', {}, 900, 15],
    ['credits fell but nobody is at the screen: an hour', { presence: 'locked' }, 850, 60],
    ['a fixed choice ignores all that', { insightSettings: EVERY_15 }, 850, 15],
    ['a new install (nothing chosen) checks automatically', { insightSettings: DEFAULT_INSIGHT_SETTINGS }, 850, 5],
  ])('%s', (_, changes, remaining, minutes) => {
    const transition = afterSuccess(input(changes), usage({ remainingCredits: remaining }), NOW);
    expect(transition.nextAt).toBe(NOW + minutes * 60_000);
    expect(transition.status).toEqual({ kind: 'ok', checkedAt: NOW, nextAt: NOW + minutes * 60_000 });
  });
});

describe('an unusual-spending episode', () => {
  const HOUR = 60 * 60_000;
  /** A week of hourly readings spending 10 credits an hour, the last one an hour before NOW. */
  const week: UsageHistory = {
    points: Array.from({ length: 7 * 24 }, (_, index) => {
      const hoursAgo = 7 * 24 - index;
      const used = 120 - hoursAgo * 10 + 2000;
      return toHistoryPoint({
        usage: usage({ creditsMonthly: 10_000, creditsUsed: used, remainingCredits: 10_000 - used }),
        fetchedAt: NOW - hoursAgo * HOUR,
      });
    }),
    resets: [],
  };
  const last = week.points.at(-1)!;
  const EVERY_60 = { ...DEFAULT_INSIGHT_SETTINGS, checkEveryMinutes: 60 as const };
  const input = (insightAlertMemory: InsightAlertMemory, history = week): SuccessInput => ({
    alertMemory: 'normal',
    settings: DEFAULT_SETTINGS,
    insightAlertMemory,
    insightSettings: EVERY_60,
    renewalDay: null,
    history,
    historyDecisionPending: false,
  });
  const spent = (credits: number) =>
    usage({ creditsMonthly: 10_000, creditsUsed: last.used + credits, remainingCredits: last.remaining - credits });

  it('announces 300 credits in the last hour at 30 times the usual pace, and checks again within 5 minutes', () => {
    const transition = afterSuccess(input(DEFAULT_INSIGHT_ALERT_MEMORY), spent(300), NOW);
    expect(transition.announceInsights).toEqual([
      { kind: 'unusualSpending', spent: 300, periodMs: HOUR, multiple: expect.closeTo(30, 6) },
    ]);
    expect(transition.nextAt).toBe(NOW + 5 * 60_000);
    expect(transition.insightAlertMemory?.unusualSpending).toEqual({ startedAt: NOW, lastSpikeAt: NOW });
  });

  it('goes back to the chosen interval once the pace has been normal for 3 hours', () => {
    const episode = {
      ...DEFAULT_INSIGHT_ALERT_MEMORY,
      unusualSpending: { startedAt: NOW - 4 * HOUR, lastSpikeAt: NOW - 3 * HOUR },
    };
    const calm = afterSuccess(input(episode), spent(10), NOW);
    expect(calm.announceInsights).toEqual([]);
    expect(calm.insightAlertMemory?.unusualSpending).toBeNull();
    expect(calm.nextAt).toBe(NOW + 60 * 60_000);
    const stillOn = { ...episode, unusualSpending: { startedAt: NOW - 2 * HOUR, lastSpikeAt: NOW - 2 * HOUR } };
    expect(afterSuccess(input(stillOn), spent(10), NOW).nextAt).toBe(NOW + 5 * 60_000);
  });

  it('turned off, keeps the chosen interval', () => {
    const off = { ...EVERY_60, notify: { ...EVERY_60.notify, unusualSpending: false } };
    const transition = afterSuccess({ ...input(DEFAULT_INSIGHT_ALERT_MEMORY), insightSettings: off }, spent(300), NOW);
    expect(transition.announceInsights).toEqual([]);
    expect(transition.nextAt).toBe(NOW + 60 * 60_000);
  });
});
