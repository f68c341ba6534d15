import { describe, expect, it } from 'vitest';
import { FAILURE_KINDS, FAILURES } from '@/lib/failures';
import { BACKOFF_BASE_MS, MIN_REFRESH_GAP_MS, POLL_INTERVAL_MS, earliestUserRefresh } from '@/lib/schedule';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { EMPTY_HISTORY, toHistoryPoint } from '@/lib/history';
import { DEFAULT_INSIGHT_ALERT_MEMORY } from '@/lib/insight-alerts';
import { DEFAULT_INSIGHT_SETTINGS } from '@/lib/insight-settings';
import type { PollStatus } from '@/lib/status';
import { afterFailure, afterSuccess, isWaitingForUser, type SuccessInput } from '@/lib/transitions';
import { KEY, usage } from './helpers';

const NOW = Date.UTC(2026, 10, 25, 14, 0);
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
        insightSettings: DEFAULT_INSIGHT_SETTINGS,
        history: EMPTY_HISTORY,
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
  ] as const)('%s', (_, status, at) => {
    expect(earliestUserRefresh(status as PollStatus | null)).toBe(at);
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
    history: before,
    random: 0.5,
    ...changes,
  });

  it.each<[string, Partial<SuccessInput>, number, number]>([
    ['credits fell since the last check: again in 5 minutes', {}, 850, 5],
    ['nothing moved in the 15 minutes since the first reading: 15 more', {}, 900, 15],
    ['credits fell but nobody is at the screen: an hour', { presence: 'locked' }, 850, 60],
    ['a fixed choice ignores all that', { insightSettings: DEFAULT_INSIGHT_SETTINGS }, 850, 15],
  ])('%s', (_, changes, remaining, minutes) => {
    const transition = afterSuccess(input(changes), usage({ remainingCredits: remaining }), NOW);
    expect(transition.nextAt).toBe(NOW + minutes * 60_000);
    expect(transition.status).toEqual({ kind: 'ok', checkedAt: NOW, nextAt: NOW + minutes * 60_000 });
  });
});
