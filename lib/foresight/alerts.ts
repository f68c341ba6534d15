import { FIRST_ACCOUNT, accountKey } from '../account/account-id';
import * as z from 'zod/mini';
import type { ResetInfo } from './next-reset';
import { outlookUntilReset, type Forecast } from './forecast';
import type { InsightSettings } from './settings';
import { alertMemoryFromVersion1, alertMemoryFromVersion2 } from './alert-migration';
import { decideUnusualSpending, type SpendingReading } from './unusual-spending';
import { defineStoredFamily, withSchema } from '../platform/storage';
import type { Usage } from '../account/usage';

/** The run-out warning needs a pace measured over at least this many days. */
export const RUN_OUT_MIN_BASIS_DAYS = 3;

/** What was already announced, so each alert fires once per crossing, across restarts. */
export const insightAlertMemorySchema = z.object({
  /** When the run-out warning last fired: another waits for a reset the counters show after it. */
  runOut: z.object({ warnedAt: z.nullable(z.number()) }),
  compressionsUsedUp: z.boolean(),
  keyRejected: z.boolean(),
  /** When the last "credits are back" event that was announced happened. */
  creditsBackAt: z.nullable(z.number()),
  /** The unusual-spending episode under way, if any (unusual-spending.ts): quiet until it ends. */
  unusualSpending: z.nullable(z.object({ startedAt: z.number(), lastSpikeAt: z.number() })),
});

export type InsightAlertMemory = z.infer<typeof insightAlertMemorySchema>;

export const DEFAULT_INSIGHT_ALERT_MEMORY: InsightAlertMemory = {
  runOut: { warnedAt: null },
  compressionsUsedUp: false,
  keyRejected: false,
  creditsBackAt: null,
  unusualSpending: null,
};

export const insightAlertMemoryItems = defineStoredFamily<InsightAlertMemory>(accountKey('insightAlertMemory'), {
  parse: withSchema(insightAlertMemorySchema),
  fallback: DEFAULT_INSIGHT_ALERT_MEMORY,
  // Version 2 remembers when the run-out warning fired, not which expected reset it named;
  // version 3 adds the unusual-spending episode.
  version: 3,
  migrations: { 2: alertMemoryFromVersion1, 3: alertMemoryFromVersion2 },
});
/** The first account's (the only one of a single-key install). */
export const insightAlertMemoryItem = insightAlertMemoryItems(FIRST_ACCOUNT);

export type InsightAnnouncement =
  | { kind: 'runOut'; daysShort: number; resetAt: number }
  | { kind: 'compressionsUsedUp'; limit: number }
  | { kind: 'keyRejected' }
  | { kind: 'creditsBack'; event: 'reset' | 'topup'; remaining: number }
  | { kind: 'unusualSpending'; spent: number; periodMs: number; multiple: number | null };

/** Fires when a condition becomes true, then stays quiet until it has been false again. */
export function decideCrossing(announced: boolean, holds: boolean): { announce: boolean; memory: boolean } {
  return holds ? { announce: !announced, memory: true } : { announce: false, memory: false };
}

/**
 * Warns when the credits would run out before the next reset at this pace, on a pace
 * measured over 3 days or more: once per real billing period. Only a reset the
 * counters showed after the warning starts another; a new renewal day does not.
 */
export function decideRunOut(
  memory: InsightAlertMemory['runOut'],
  forecast: Forecast,
  reset: ResetInfo | null,
  remaining: number,
  now: number,
): { announce: Extract<InsightAnnouncement, { kind: 'runOut' }> | null; memory: InsightAlertMemory['runOut'] } {
  const outlook = reset && remaining > 0 ? outlookUntilReset(forecast, reset.nextAt) : null;
  const measured = forecast.kind === 'pace' && forecast.basisDays >= RUN_OUT_MIN_BASIS_DAYS;
  if (!reset || !measured || outlook?.kind !== 'short') return { announce: null, memory };
  const { warnedAt } = memory;
  const resetSince = warnedAt === null || (reset.detectedAt !== null && reset.detectedAt > warnedAt);
  if (!resetSince) return { announce: null, memory };
  return {
    announce: { kind: 'runOut', daysShort: outlook.daysShort, resetAt: reset.nextAt },
    memory: { warnedAt: now },
  };
}

/** What one check found, as the alerts need it. */
export interface InsightCheck {
  /** The key was rejected (401): nothing else is known. */
  keyRejected: boolean;
  reading?: {
    /** When the reading was taken. */
    at: number;
    usage: Usage;
    forecast: Forecast;
    reset: ResetInfo | null;
    /** What brought credits back since the previous reading, and when it was seen. */
    event: { kind: 'reset' | 'topup'; at: number } | null;
    /** What the reading says of the spending since the one before (unusual-spending.ts). */
    spending: SpendingReading;
  };
}

/**
 * Every look-ahead alert for one check. Memory moves on even for alerts turned off,
 * so turning one on later does not announce a crossing that is long past.
 */
export function decideInsightAlerts(
  memory: InsightAlertMemory,
  check: InsightCheck,
  enabled: InsightSettings['notify'],
): { announce: InsightAnnouncement[]; memory: InsightAlertMemory } {
  const announce: InsightAnnouncement[] = [];
  const key = decideCrossing(memory.keyRejected, check.keyRejected);
  if (key.announce && enabled.keyRejected) announce.push({ kind: 'keyRejected' });
  const next: InsightAlertMemory = { ...memory, keyRejected: key.memory };
  const reading = check.reading;
  if (!reading) return { announce, memory: next };

  const { usage, forecast, reset, event } = reading;
  const runOut = decideRunOut(memory.runOut, forecast, reset, usage.remainingCredits, reading.at);
  if (runOut.announce && enabled.runOut) announce.push(runOut.announce);
  next.runOut = runOut.memory;

  const compressions = decideCrossing(memory.compressionsUsedUp, !usage.canCompress);
  if (compressions.announce && enabled.compressionsUsedUp) {
    announce.push({ kind: 'compressionsUsedUp', limit: usage.compressionsLimit });
  }
  next.compressionsUsedUp = compressions.memory;

  if (event && (memory.creditsBackAt === null || event.at > memory.creditsBackAt)) {
    if (enabled.creditsBack)
      announce.push({ kind: 'creditsBack', event: event.kind, remaining: usage.remainingCredits });
    next.creditsBackAt = event.at;
  }

  const spending = decideUnusualSpending(memory.unusualSpending, reading.spending, reading.at);
  if (spending.announce && enabled.unusualSpending) {
    const { spent, periodMs, multiple } = spending.announce;
    announce.push({ kind: 'unusualSpending', spent, periodMs, multiple });
  }
  next.unusualSpending = spending.episode;
  return { announce, memory: next };
}
