import * as z from 'zod/mini';
import { ACCOUNT_ID_PATTERN, accountKey, accountOfKey } from '../account/account-id';
import { defineStoredFamily, defineStoredValue, onStoredKeysChanged, withSchema } from '../platform/storage';
import { hasUnlimitedCompressions, type Usage } from '../account/usage';

export const CHECK_INTERVALS = [5, 15, 30, 60] as const;
export type CheckInterval = (typeof CHECK_INTERVALS)[number];
/** "Check every": a fixed interval in minutes, or `auto` (lib/polling/check-policy.ts decides). */
export type CheckEvery = CheckInterval | 'auto';

export const BADGE_MODES = ['credits', 'compressions', 'days', 'percent', 'none'] as const;
export type BadgeMode = (typeof BADGE_MODES)[number];

/** The look-ahead notifications, what the badge counts, and how often to check (for every account). */
export const insightSettingsSchema = z.object({
  notify: z.object({
    runOut: z.boolean(),
    compressionsUsedUp: z.boolean(),
    keyRejected: z.boolean(),
    creditsBack: z.boolean(),
    unusualSpending: z.boolean(),
  }),
  /**
   * Credits left, compressions left, days left at this pace, percent of this month's credits
   * left, or no number (lib/display/badge-text.ts). Values were only added: older ones read as before.
   */
  badge: z.enum(BADGE_MODES),
  /** Which account the badge shows: an account's id, or absent for the one that runs out first. */
  badgeAccount: z.optional(z.string().check(z.regex(ACCOUNT_ID_PATTERN))),
  // `auto` reads as itself in version 1: no value stored before it existed changes meaning.
  checkEveryMinutes: z.union([z.literal('auto'), ...CHECK_INTERVALS.map((minutes) => z.literal(minutes))]),
});

export type InsightSettings = z.infer<typeof insightSettingsSchema>;

export const DEFAULT_INSIGHT_SETTINGS: InsightSettings = {
  notify: { runOut: true, compressionsUsedUp: true, keyRejected: true, creditsBack: false, unusualSpending: true },
  badge: 'credits',
  // New installs check automatically; a choice stored before keeps its value (the schema reads it as it is).
  checkEveryMinutes: 'auto',
};

export const insightSettingsItem = defineStoredValue<InsightSettings>('insightSettings', {
  parse: withSchema(insightSettingsSchema),
  fallback: DEFAULT_INSIGHT_SETTINGS,
  // Version 2 leaves the renewal day to each account (lib/account/upgrade.ts moved version 1's to the first);
  // version 3 adds the unusual-spending alarm, on. One step serves both: each leaves the other's work as it is.
  version: 3,
  migrations: { 2: upgradeSettings, 3: upgradeSettings },
});

/**
 * Versions 1 → 2 → 3: the renewal day goes (each account has its own now), and a notification
 * new since (version 3's unusual-spending alarm) starts as a new install has it.
 */
function upgradeSettings(old: unknown): unknown {
  if (typeof old !== 'object' || old === null) return undefined;
  const { renewalDay: _moved, notify, ...rest } = old as Record<string, unknown>;
  return { ...rest, notify: { ...DEFAULT_INSIGHT_SETTINGS.notify, ...(notify as object) } };
}

/** An account's renewal day as the user set it: a day from 1 to 31, or `null` to follow the detected day. */
export const renewalDayItems = defineStoredFamily<number | null>(accountKey('renewalDay'), {
  parse: withSchema(z.nullable(z.int().check(z.gte(1), z.lte(31)))),
  fallback: null,
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

/** Calls `listener` with each account whose renewal day was set or cleared (in any window). */
export function onRenewalDayChanged(listener: (account: string) => Promise<void>): void {
  onStoredKeysChanged((keys) => {
    const accounts = new Set(keys.flatMap((key) => accountOfKey('renewalDay', key)));
    for (const account of accounts) listener(account).catch(() => undefined);
  });
}
