import { creditLevel, effectiveThreshold, type CreditLevel } from '../alerts/credit-level';
import { formatClockTime } from './format';
import { FAILURES, rejectsKey, type FailureKind } from '../polling/failures';
import type { Translate } from '../platform/i18n';
import { API_HOST } from '../account/config';
import type { Settings } from '../alerts/settings';
import { isFailure, type Failure, type PollStatus } from '../polling/status';
import type { UsageSnapshot } from '../account/usage';

/** Every state the extension can be in, as the badge and the popup present it. */
export type ViewKind = 'no-key' | 'loading' | 'rejected' | 'unreachable' | 'stale' | 'access-off' | CreditLevel;

export interface View {
  kind: ViewKind;
  snapshot: UsageSnapshot | null;
  failure: Failure | null;
  /** How the credits stand, whenever there are numbers (also while stale). */
  level: CreditLevel | null;
  threshold: number | null;
}

export interface ViewInput {
  hasKey: boolean;
  snapshot: UsageSnapshot | null;
  status: PollStatus | null;
  settings: Settings;
}

export function toView({ hasKey, snapshot, status, settings }: ViewInput): View {
  const failure = isFailure(status) ? status : null;
  const base = { snapshot: null, failure, level: null, threshold: null };
  if (!hasKey) return { ...base, kind: 'no-key', failure: null };
  if (failure && rejectsKey(failure.kind)) return { ...base, kind: 'rejected' };
  const accessOff = failure !== null && FAILURES[failure.kind].badge === 'access-off';
  if (!snapshot) return { ...base, kind: accessOff ? 'access-off' : failure ? 'unreachable' : 'loading' };
  const threshold = effectiveThreshold(settings.threshold, snapshot.usage.creditsMonthly);
  const level = creditLevel(snapshot.usage.remainingCredits, threshold);
  return { kind: accessOff ? 'access-off' : failure ? 'stale' : level, snapshot, failure, level, threshold };
}

/** "FluxImage is rate-limiting this key. Retrying at 14:05." */
export function describeFailure(failure: Failure, t: Translate, locale: string): string {
  const cause = describeFailureCause(failure.kind, t);
  if (failure.nextAt === null) return cause;
  return `${cause} ${t('retryAt', formatClockTime(failure.nextAt, locale))}`;
}

export function describeFailureCause(kind: FailureKind, t: Translate): string {
  // Only the access message names a host; the others ignore the substitution.
  return t(FAILURES[kind].cause, API_HOST);
}
