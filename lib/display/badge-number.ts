import { creditLevel, defaultThreshold, type CreditLevel } from '../alerts/credit-level';
import { badgeCounts, type InsightSettings } from '../foresight/settings';
import type { Usage } from '../account/usage';

/** The number the badge shows and how it stands against that number's own threshold. */
export interface BadgeNumber {
  counts: 'credits' | 'compressions';
  value: number;
  level: CreditLevel;
}

export function compressionsLeft(usage: Usage): number {
  return Math.max(0, Math.floor(usage.compressionsLimit - usage.compressionsUsed));
}

/** Compressions run low at 10% of the period's limit (at least one), and are out when FluxImage says so. */
export function compressionLevel(usage: Usage): CreditLevel {
  if (!usage.canCompress) return 'empty';
  return creditLevel(compressionsLeft(usage), defaultThreshold(usage.compressionsLimit));
}

/** What the badge counts, per the user's choice; `creditThreshold` is the low-credit alert's threshold. */
export function badgeNumber(settings: InsightSettings, usage: Usage, creditThreshold: number): BadgeNumber {
  if (badgeCounts(settings, usage) === 'compressions') {
    return { counts: 'compressions', value: compressionsLeft(usage), level: compressionLevel(usage) };
  }
  return {
    counts: 'credits',
    value: usage.remainingCredits,
    level: creditLevel(usage.remainingCredits, creditThreshold),
  };
}
