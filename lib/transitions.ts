import { creditLevel, decideAlert, effectiveThreshold, type AlertMemory } from './alerts';
import { rejectsKey, stopsPolling, type FailureKind } from './failures';
import { nextAttemptAfterFailure, nextAttemptAfterSuccess } from './schedule';
import type { Settings } from './settings';
import { isFailure, type PollStatus } from './status';
import type { Usage, UsageSnapshot } from './usage';

/**
 * What one answer changes: the values to store (`undefined` leaves a value as it
 * is, `null` removes it), when to ask next, and which alert to show.
 */
export interface Transition {
  snapshot?: UsageSnapshot | null;
  status: PollStatus;
  alertMemory?: AlertMemory | null;
  nextAt: number | null;
  announce: 'low' | 'empty' | null;
}

export interface SuccessInput {
  alertMemory: AlertMemory;
  settings: Settings;
}

/** A good answer: keep the numbers, poll again in one interval, alert on a crossing. */
export function afterSuccess({ alertMemory, settings }: SuccessInput, usage: Usage, now: number): Transition {
  const nextAt = nextAttemptAfterSuccess(now);
  const level = creditLevel(usage.remainingCredits, effectiveThreshold(settings.threshold, usage.creditsMonthly));
  const decision = decideAlert(alertMemory, level);
  return {
    snapshot: { usage, fetchedAt: now },
    status: { kind: 'ok', checkedAt: now, nextAt },
    alertMemory: decision.memory,
    nextAt,
    announce: settings.notifications ? decision.announce : null,
  };
}

export interface FailureInput {
  kind: FailureKind;
  retryAfterMs?: number | undefined;
}

/**
 * A failed check: the last numbers stay (unless the key itself was rejected), the
 * run of failures grows, and the next attempt follows the failure's retry rule.
 */
export function afterFailure(
  previous: PollStatus | null,
  failure: FailureInput,
  now: number,
  random: number,
): Transition {
  const earlier = isFailure(previous) ? previous : null;
  const attempts = (earlier?.attempts ?? 0) + 1;
  const { kind, retryAfterMs } = failure;
  const timing = retryAfterMs === undefined ? { kind, attempts } : { kind, attempts, retryAfterMs };
  const nextAt = nextAttemptAfterFailure(timing, now, random);
  return {
    // The numbers belonged to a key that no longer works.
    ...(rejectsKey(kind) && { snapshot: null, alertMemory: null }),
    status: { kind, checkedAt: now, since: earlier?.since ?? now, attempts, nextAt },
    nextAt,
    announce: null,
  };
}

/** No key, or a failure that waits for the user (a rejected key): nothing to ask FluxImage. */
export function isWaitingForUser(key: string | null, status: PollStatus | null): boolean {
  return key === null || (isFailure(status) && stopsPolling(status.kind));
}
