import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  BACKOFF_CAP_MS,
  MIN_DELAY_MS,
  RETRY_AFTER_CAP_MS,
  backoffDelay,
  nextAttemptAfterFailure,
  nextAttemptAfterSuccess,
  parseRetryAfter,
  settleStatus,
} from '@/lib/polling/schedule';
import { FAILURE_KINDS } from '@/lib/polling/failures';
import type { PollStatus } from '@/lib/polling/status';

const now = Date.UTC(2026, 10, 25, 14, 0, 0);

describe('Retry-After', () => {
  it.each([
    ['120', 120_000],
    [' 0 ', 0],
    [new Date(now + 90_000).toUTCString(), 90_000],
    [new Date(now - 90_000).toUTCString(), 0],
    ['soon', null],
    ['-5', null],
    ['1.5', null],
    ['', null],
    [null, null],
  ])('%j → %j ms', (header, ms) => {
    expect(parseRetryAfter(header, now)).toBe(ms);
  });
});

describe('polling schedule', () => {
  it('polls every 15 minutes while all is well', () => {
    expect(nextAttemptAfterSuccess(now) - now).toBe(15 * 60_000);
  });

  it.each([5, 15, 30, 60])('polls every %d minutes when the user chose so', (minutes) => {
    expect(nextAttemptAfterSuccess(now, minutes) - now).toBe(minutes * 60_000);
  });

  it('stops polling after the key is rejected', () => {
    expect(nextAttemptAfterFailure({ kind: 'unauthorized', attempts: 1 }, now, 0.5)).toBeNull();
  });

  it('waits as long as the server asks after a 429', () => {
    expect(nextAttemptAfterFailure({ kind: 'rate-limited', attempts: 1, retryAfterMs: 300_000 }, now, 0.5)).toBe(
      now + 300_000,
    );
  });

  it('bounds a Retry-After between the alarm minimum and six hours', () => {
    expect(nextAttemptAfterFailure({ kind: 'rate-limited', attempts: 1, retryAfterMs: 1000 }, now, 0)).toBe(
      now + MIN_DELAY_MS,
    );
    expect(nextAttemptAfterFailure({ kind: 'rate-limited', attempts: 1, retryAfterMs: 9e9 }, now, 0)).toBe(
      now + RETRY_AFTER_CAP_MS,
    );
  });

  it('backs off exponentially after repeated failures, up to the cap', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8].map((attempts) => backoffDelay(attempts, 1));
    expect(delays.map((d) => d / 60_000)).toEqual([1, 2, 4, 8, 16, 30, 30, 30]);
  });

  it.each(['server', 'timeout', 'network', 'bad-response', 'internal', 'rate-limited'] as const)(
    'backs off after a %s failure',
    (kind) => {
      const first = nextAttemptAfterFailure({ kind, attempts: 1 }, now, 1)!;
      const third = nextAttemptAfterFailure({ kind, attempts: 3 }, now, 1)!;
      expect(third - now).toBeGreaterThan(first - now);
    },
  );

  it('jitters within the upper half of each window, never under the alarm minimum (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 50 }), fc.double({ min: 0, max: 1, noNaN: true }), (attempts, random) => {
        const delay = backoffDelay(attempts, random);
        const ceiling = Math.min(BACKOFF_CAP_MS, 60_000 * 2 ** (attempts - 1));
        expect(delay).toBeGreaterThanOrEqual(Math.max(MIN_DELAY_MS, ceiling / 2));
        expect(delay).toBeLessThanOrEqual(ceiling);
      }),
    );
  });
});

describe('a clock that moved since the times were stored', () => {
  const MIN = 60_000;
  const HOUR = 60 * MIN;
  const ok = (checkedAt: number, nextAt: number): PollStatus => ({ kind: 'ok', checkedAt, nextAt });
  const failing = (kind: Exclude<PollStatus['kind'], 'ok'>, checkedAt: number, since: number, nextAt: number | null) =>
    ({ kind, checkedAt, since, attempts: 2, nextAt }) as PollStatus;

  it.each([
    ['nothing ahead of the clock: as stored', ok(now - MIN, now + 14 * MIN), ok(now - MIN, now + 14 * MIN)],
    [
      'set back 3 hours: the last check is now, the next an interval on',
      ok(now + 3 * HOUR, now + 3 * HOUR + 15 * MIN),
      ok(now, now + 15 * MIN),
    ],
    [
      'set forward: a next check already past stays past, due at once',
      ok(now - 5 * HOUR, now - 5 * HOUR + 15 * MIN),
      ok(now - 5 * HOUR, now - 5 * HOUR + 15 * MIN),
    ],
    [
      'a next check far ahead (damage) is pulled in to an interval after the last',
      ok(now - MIN, now + 30 * 24 * HOUR),
      ok(now - MIN, now + 14 * MIN),
    ],
    [
      'a run of failures set back: its start, last try and retry move together',
      failing('server', now + 3 * HOUR, now + 2 * HOUR, now + 3 * HOUR + 2 * MIN),
      failing('server', now, now - HOUR, now + 2 * MIN),
    ],
    [
      'a Retry-After within its cap is kept',
      failing('rate-limited', now - MIN, now - MIN, now + 5 * HOUR),
      failing('rate-limited', now - MIN, now - MIN, now + 5 * HOUR),
    ],
    [
      'a back-off beyond its cap (damage) is pulled in to it',
      failing('network', now - MIN, now - MIN, now + 5 * HOUR),
      failing('network', now - MIN, now - MIN, now - MIN + BACKOFF_CAP_MS),
    ],
    [
      'a rejected key set back: nothing to schedule',
      failing('unauthorized', now + HOUR, now + HOUR, null),
      failing('unauthorized', now, now, null),
    ],
  ])('%s', (_, stored, settled) => {
    expect(settleStatus(stored, now, 15)).toEqual(settled);
  });

  const statuses = fc.oneof(
    fc.record({
      kind: fc.constant('ok' as const),
      checkedAt: fc.integer(),
      wait: fc.integer({ min: 0, max: 2 * HOUR }),
    }),
    fc.record({
      kind: fc.constantFrom(...FAILURE_KINDS),
      checkedAt: fc.integer(),
      wait: fc.option(fc.integer({ min: 0, max: 2 * RETRY_AFTER_CAP_MS })),
      running: fc.nat({ max: 24 * HOUR }),
    }),
  );
  const at = (offset: number) => now + offset * MIN;

  it('never leaves a time ahead of the clock, never waits longer after the last check than promised or allowed (property)', () => {
    fc.assert(
      fc.property(
        statuses,
        fc.integer({ min: -30 * 24 * 60, max: 30 * 24 * 60 }),
        fc.constantFrom(5, 15, 30, 60),
        (drawn, offset, every) => {
          const checkedAt = at(drawn.checkedAt % (30 * 24 * 60));
          const nextAt = drawn.wait === null ? null : checkedAt + drawn.wait;
          const stored: PollStatus =
            drawn.kind === 'ok'
              ? { kind: 'ok', checkedAt, nextAt: nextAt! }
              : { kind: drawn.kind, checkedAt, since: checkedAt - drawn.running, attempts: 1, nextAt };
          const clock = at(offset);
          const settled = settleStatus(stored, clock, every)!;
          expect(settled.checkedAt).toBeLessThanOrEqual(clock);
          expect(settled.checkedAt).toBe(Math.min(checkedAt, clock));
          if (settled.kind !== 'ok') expect(settled.since).toBeLessThanOrEqual(settled.checkedAt);
          expect(settled.nextAt === null).toBe(nextAt === null);
          if (settled.nextAt === null) return;
          const waits = settled.nextAt - settled.checkedAt;
          expect(waits).toBeLessThanOrEqual(nextAt! - checkedAt);
          expect(waits).toBeLessThanOrEqual(stored.kind === 'ok' ? every * MIN : RETRY_AFTER_CAP_MS);
          expect(settled.nextAt).toBeLessThanOrEqual(clock + (stored.kind === 'ok' ? every * MIN : RETRY_AFTER_CAP_MS));
          if (checkedAt <= clock && waits === nextAt! - checkedAt) expect(settled).toBe(stored);
        },
      ),
    );
  });
});
