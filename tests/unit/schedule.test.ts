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
} from '@/lib/schedule';

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
