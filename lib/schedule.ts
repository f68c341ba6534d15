import { FAILURES, stopsPolling, type FailureKind } from './failures';
import { isFailure, type PollStatus } from './status';

export const POLL_INTERVAL_MINUTES = 15;
export const POLL_INTERVAL_MS = POLL_INTERVAL_MINUTES * 60_000;
// Chrome does not fire alarms sooner than 30 s after they are set.
export const MIN_DELAY_MS = 30_000;
export const BACKOFF_BASE_MS = 60_000;
export const BACKOFF_CAP_MS = 30 * 60_000;
// A Retry-After beyond this is treated as a server mistake, not a promise to wait days.
export const RETRY_AFTER_CAP_MS = 6 * 60 * 60_000;
// The least time between checks a person can ask for (popup opened, Refresh clicked).
export const MIN_REFRESH_GAP_MS = 30_000;

/** `Retry-After` is either whole seconds or an HTTP date; `null` when it is neither. */
export function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  if (!/[a-z]/i.test(trimmed)) return null;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

/**
 * Exponential back-off with jitter: 1, 2, 4 … minutes up to the cap, each drawn
 * from the upper half of its window so many clients do not retry in step.
 */
export function backoffDelay(attempts: number, random: number): number {
  const exponential = BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1);
  const ceiling = Math.min(BACKOFF_CAP_MS, exponential);
  return Math.max(MIN_DELAY_MS, Math.round(ceiling * (0.5 + random / 2)));
}

export interface FailureTiming {
  kind: FailureKind;
  /** Consecutive failed polls, this one included. */
  attempts: number;
  retryAfterMs?: number;
}

/**
 * When to poll next after a failure; `null` means not until something changes
 * (a rejected key is retried only when the user saves another, a check without access once it
 * is granted again).
 */
export function nextAttemptAfterFailure(failure: FailureTiming, now: number, random: number): number | null {
  if (stopsPolling(failure.kind)) return null;
  const { retry } = FAILURES[failure.kind];
  if (retry === 'retry-after' && failure.retryAfterMs !== undefined) {
    return now + Math.min(RETRY_AFTER_CAP_MS, Math.max(MIN_DELAY_MS, failure.retryAfterMs));
  }
  return now + backoffDelay(failure.attempts, random);
}

/** The next regular check, `everyMinutes` (the user's "Check every" choice) after this one. */
export function nextAttemptAfterSuccess(now: number, everyMinutes: number = POLL_INTERVAL_MINUTES): number {
  return now + everyMinutes * 60_000;
}

/**
 * The earliest a check asked for by the user may go out: a minimum gap after the
 * last check, and never before a time FluxImage asked us to wait for.
 */
export function earliestUserRefresh(status: PollStatus | null): number | null {
  if (status === null) return null;
  const gap = status.checkedAt + MIN_REFRESH_GAP_MS;
  const told = isFailure(status) && FAILURES[status.kind].retry === 'retry-after' ? status.nextAt : null;
  return told === null ? gap : Math.max(gap, told);
}
