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
 * The status with its times read by the clock as it is now. Times ahead of it mean the
 * clock was set back after they were stored (corrected after sleep, a time zone fixed):
 * the last check is taken to be now, and the times after it keep their distance from it.
 */
export function asOfNow<S extends PollStatus>(status: S, now: number): S {
  const ahead = status.checkedAt - now;
  if (ahead <= 0) return status;
  const nextAt = status.nextAt === null ? null : status.nextAt - ahead;
  const moved = { ...status, checkedAt: now, nextAt };
  return isFailure(moved) ? { ...moved, since: Math.min(moved.since - ahead, now) } : moved;
}

/** The longest a status may put off the next check after the last one: its rule's own ceiling. */
function longestWait(status: PollStatus, everyMinutes: number): number {
  if (status.kind === 'ok') return everyMinutes * 60_000;
  return FAILURES[status.kind].retry === 'retry-after' ? RETRY_AFTER_CAP_MS : BACKOFF_CAP_MS;
}

/**
 * The status to keep once the clock has moved: read as of now (see `asOfNow`), and no next
 * check further from the last than its rule allows, so it lies within that wait from now.
 * A time already past stays past: the check is due at once. The same object when nothing moved.
 */
export function settleStatus(status: PollStatus | null, now: number, everyMinutes: number): PollStatus | null {
  if (status === null) return null;
  const current = asOfNow(status, now);
  const latest = current.checkedAt + longestWait(current, everyMinutes);
  if (current.nextAt === null || current.nextAt <= latest) return current;
  return { ...current, nextAt: latest };
}

/**
 * The earliest a check asked for by the user may go out: a minimum gap after the
 * last check, and never before a time FluxImage asked us to wait for. A last check
 * ahead of the clock counts as now, so a clock set back holds Refresh for the gap, not the jump.
 */
export function earliestUserRefresh(status: PollStatus | null, now: number): number | null {
  if (status === null) return null;
  const current = asOfNow(status, now);
  const gap = current.checkedAt + MIN_REFRESH_GAP_MS;
  const told = isFailure(current) && FAILURES[current.kind].retry === 'retry-after' ? current.nextAt : null;
  return told === null ? gap : Math.max(gap, told);
}
