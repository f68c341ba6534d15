import type { MessageKey } from '../platform/i18n';

/**
 * How a failure decides the next attempt:
 * - `stop`: no request until the user changes something (a new key);
 * - `on-access`: no request until the browser lets the extension reach the API host again;
 * - `retry-after`: when FluxImage says (Retry-After), else back-off;
 * - `backoff`: exponential back-off with jitter.
 */
export type RetryRule = 'stop' | 'on-access' | 'retry-after' | 'backoff';

export interface FailureRow {
  /** What the popup, the badge's tooltip and the options page say. */
  cause: MessageKey;
  /**
   * `rejected`: the numbers are dropped and the badge shows "!" in red; `stale`: the last numbers
   * stay, greyed; `access-off`: the last numbers stay, greyed, and the pages offer to allow access.
   */
  badge: 'rejected' | 'stale' | 'access-off';
  retry: RetryRule;
  /** Retried at once when the browser comes back online. */
  retryOnReconnect: boolean;
}

/**
 * Every way a check can fail, and everything that follows from it, one row each.
 * Adding a kind is one row here; the API client, schedule, view, badge and poller read it.
 */
export const FAILURES = {
  unauthorized: { cause: 'causeUnauthorized', badge: 'rejected', retry: 'stop', retryOnReconnect: false },
  'rate-limited': { cause: 'causeRateLimited', badge: 'stale', retry: 'retry-after', retryOnReconnect: false },
  server: { cause: 'causeServer', badge: 'stale', retry: 'backoff', retryOnReconnect: false },
  timeout: { cause: 'causeTimeout', badge: 'stale', retry: 'backoff', retryOnReconnect: true },
  network: { cause: 'causeNetwork', badge: 'stale', retry: 'backoff', retryOnReconnect: true },
  'bad-response': { cause: 'causeBadResponse', badge: 'stale', retry: 'backoff', retryOnReconnect: false },
  internal: { cause: 'causeInternal', badge: 'stale', retry: 'backoff', retryOnReconnect: false },
  // The host permission was withheld or revoked (browser settings): asking would fail, so nothing is asked.
  'access-off': { cause: 'causeAccessOff', badge: 'access-off', retry: 'on-access', retryOnReconnect: false },
} as const satisfies Record<string, FailureRow>;

export type FailureKind = keyof typeof FAILURES;

export const FAILURE_KINDS = Object.keys(FAILURES) as [FailureKind, ...FailureKind[]];

/** Failures after which polling waits for the user instead of retrying. */
export function stopsPolling(kind: FailureKind): boolean {
  const { retry } = FAILURES[kind];
  return retry === 'stop' || retry === 'on-access';
}

/** Failures that end as soon as the extension may reach the API host again. */
export function waitsForAccess(kind: FailureKind): boolean {
  return FAILURES[kind].retry === 'on-access';
}

/** Failures that mean the key itself is refused: its numbers are dropped. */
export function rejectsKey(kind: FailureKind): boolean {
  return FAILURES[kind].badge === 'rejected';
}
