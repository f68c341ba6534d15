import * as z from 'zod/mini';
import { defineStoredValue, withSchema } from '../platform/storage';
import { hasUnlimitedCompressions, type Usage } from '../account/usage';

export const CHECK_INTERVALS = [5, 15, 30, 60] as const;
export type CheckInterval = (typeof CHECK_INTERVALS)[number];
/** "Check every": a fixed interval in minutes, or `auto` (lib/polling/check-policy.ts decides). */
export type CheckEvery = CheckInterval | 'auto';

/** Renewal day, the look-ahead notifications, what the badge counts, and how often to check. */
export const insightSettingsSchema = z.object({
  /** The day of the month the plan renews on, as the user set it; `null` follows the detected day. */
  renewalDay: z.nullable(z.int().check(z.gte(1), z.lte(31))),
  notify: z.object({
    runOut: z.boolean(),
    compressionsUsedUp: z.boolean(),
    keyRejected: z.boolean(),
    creditsBack: z.boolean(),
  }),
  badge: z.enum(['credits', 'compressions']),
  // `auto` reads as itself in version 1: no value stored before it existed changes meaning.
  checkEveryMinutes: z.union([z.literal('auto'), ...CHECK_INTERVALS.map((minutes) => z.literal(minutes))]),
});

export type InsightSettings = z.infer<typeof insightSettingsSchema>;

export const DEFAULT_INSIGHT_SETTINGS: InsightSettings = {
  renewalDay: null,
  notify: { runOut: true, compressionsUsedUp: true, keyRejected: true, creditsBack: false },
  badge: 'credits',
  // New installs check automatically; a choice stored before keeps its value (the schema reads it as it is).
  checkEveryMinutes: 'auto',
};

export const insightSettingsItem = defineStoredValue<InsightSettings>('insightSettings', {
  parse: withSchema(insightSettingsSchema),
  fallback: DEFAULT_INSIGHT_SETTINGS,
  version: 1,
});

export type RenewalDayInput = { ok: true; day: number | null } | { ok: false };

/** The renewal-day field: empty to follow the detected day, or a whole day from 1 to 31. */
export function parseRenewalDayInput(raw: string): RenewalDayInput {
  const trimmed = raw.trim();
  if (trimmed === '') return { ok: true, day: null };
  if (!/^\d{1,2}$/.test(trimmed)) return { ok: false };
  const day = Number(trimmed);
  return day >= 1 && day <= 31 ? { ok: true, day } : { ok: false };
}

/** Compressions can be counted down only on plans that limit them. */
export const canBadgeCompressions = (usage: Usage): boolean => !hasUnlimitedCompressions(usage);

/** What the badge counts: compressions only when chosen and the plan limits them. */
export function badgeCounts(settings: InsightSettings, usage: Usage): 'credits' | 'compressions' {
  return settings.badge === 'compressions' && canBadgeCompressions(usage) ? 'compressions' : 'credits';
}
