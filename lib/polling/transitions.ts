import { creditLevel, decideAlert, effectiveThreshold, type AlertMemory } from '../alerts/credit-level';
import { resetEvidence, resetInfo } from '../foresight/next-reset';
import { nextCheckAt, watchesSpending, type Presence } from './check-policy';
import { readSpending } from '../foresight/unusual-spending';
import { rejectsKey, stopsPolling, type FailureKind } from './failures';
import { forecastCredits } from '../foresight/forecast';
import { recordReading } from '../history/readings';
import { continuesHistory } from './continuity';
import { EMPTY_HISTORY, type UsageHistory } from '../history/points';
import { decideInsightAlerts, type InsightAlertMemory, type InsightAnnouncement } from '../foresight/alerts';
import type { InsightSettings } from '../foresight/settings';
import { nextAttemptAfterFailure } from './schedule';
import type { Settings } from '../alerts/settings';
import { isFailure, type PollStatus } from './status';
import type { Usage, UsageSnapshot } from '../account/usage';

/**
 * What one answer changes: the values to store (`undefined` leaves a value as it
 * is, `null` removes it), when to ask next, and which alerts to show.
 */
export interface Transition {
  snapshot?: UsageSnapshot | null;
  status: PollStatus;
  alertMemory?: AlertMemory | null;
  history?: UsageHistory;
  /** `null` once the first good answer for a newly saved key has decided about the history. */
  historyDecisionPending?: null;
  insightAlertMemory?: InsightAlertMemory;
  nextAt: number | null;
  announce: 'low' | 'empty' | null;
  announceInsights: InsightAnnouncement[];
}

/** What the alerts remember and the user chose, as a transition reads them. */
export interface AlertInput {
  alertMemory: AlertMemory;
  settings: Settings;
  insightAlertMemory: InsightAlertMemory;
  insightSettings: InsightSettings;
  /** The account's renewal day as the user set it; `null` follows the detected day. */
  renewalDay: number | null;
}

export interface SuccessInput extends AlertInput {
  history: UsageHistory;
  /** This is the first good answer for a newly saved key: it decides whether the history goes on. */
  historyDecisionPending: boolean;
  /** The person's state, where the browser tells it: Automatic waits longer while nobody looks. */
  presence?: Presence | undefined;
  /** In [0, 1], for Automatic's jitter. */
  random?: number;
}

/**
 * A good answer: keep the numbers and add them to the history, poll again when the
 * chosen interval (or Automatic) says, and alert on a crossing (low credits, and the
 * look-ahead alerts). The first good answer for a newly saved key starts the history
 * again unless it continues the one kept (the same account's rolled key).
 */
export function afterSuccess(input: SuccessInput, usage: Usage, now: number): Transition {
  const { settings, insightSettings, historyDecisionPending } = input;
  const snapshot = { usage, fetchedAt: now };
  const threshold = effectiveThreshold(settings.threshold, usage.creditsMonthly);
  const decision = decideAlert(input.alertMemory, creditLevel(usage.remainingCredits, threshold));
  const goesOn = !historyDecisionPending || continuesHistory(input.history, snapshot);
  const { history, event } = recordReading(goesOn ? input.history : EMPTY_HISTORY, snapshot, now);
  const forecast = forecastCredits(history, now);
  const reset = resetInfo(input.renewalDay, resetEvidence(history, now), now);
  const reading = { at: now, usage, event, forecast, reset, spending: readSpending(history, now) };
  const insights = decideInsightAlerts(
    input.insightAlertMemory,
    { keyRejected: false, reading },
    insightSettings.notify,
  );
  const { at: nextAt } = nextCheckAt({
    now,
    choice: insightSettings.checkEveryMinutes,
    points: history.points,
    remaining: usage.remainingCredits,
    threshold,
    runOutAt: forecast.kind === 'pace' ? forecast.runOutAt : null,
    presence: input.presence,
    random: input.random ?? 0.5,
    watchSpending: watchesSpending(insights.memory, insightSettings),
  });
  return {
    snapshot,
    status: { kind: 'ok', checkedAt: now, nextAt },
    alertMemory: decision.memory,
    history,
    ...(historyDecisionPending && { historyDecisionPending: null }),
    insightAlertMemory: insights.memory,
    nextAt,
    announce: settings.notifications ? decision.announce : null,
    announceInsights: insights.announce,
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
  alerts?: Pick<AlertInput, 'insightAlertMemory' | 'insightSettings'>,
): Transition {
  const earlier = isFailure(previous) ? previous : null;
  const attempts = (earlier?.attempts ?? 0) + 1;
  const { kind, retryAfterMs } = failure;
  const timing = retryAfterMs === undefined ? { kind, attempts } : { kind, attempts, retryAfterMs };
  const nextAt = nextAttemptAfterFailure(timing, now, random);
  const status = { kind, checkedAt: now, since: earlier?.since ?? now, attempts, nextAt };
  if (!rejectsKey(kind)) return { status, nextAt, announce: null, announceInsights: [] };
  const insights =
    alerts && decideInsightAlerts(alerts.insightAlertMemory, { keyRejected: true }, alerts.insightSettings.notify);
  return {
    // The numbers belonged to a key that no longer works; the history stays with the account.
    snapshot: null,
    alertMemory: null,
    ...(insights && { insightAlertMemory: insights.memory }),
    status,
    nextAt,
    announce: null,
    announceInsights: insights?.announce ?? [],
  };
}

/** No key, or a failure that waits for the user (a rejected key, access withheld): nothing to ask FluxImage. */
export function isWaitingForUser(key: string | null, status: PollStatus | null): boolean {
  return key === null || (isFailure(status) && stopsPolling(status.kind));
}
