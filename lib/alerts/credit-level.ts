import { FIRST_ACCOUNT, accountKey } from '../account/account-id';
import * as z from 'zod/mini';
import { wholeCredits } from '../account/usage';
import { defineStoredFamily, withSchema } from '../platform/storage';

export type CreditLevel = 'normal' | 'low' | 'empty';
const SEVERITY: Record<CreditLevel, number> = { normal: 0, low: 1, empty: 2 };

/** Default alert threshold: 10% of the monthly allocation, never below one credit. */
export function defaultThreshold(creditsMonthly: number): number {
  return Math.max(1, Math.round(creditsMonthly / 10));
}

export function effectiveThreshold(configured: number | null, creditsMonthly: number): number {
  return configured ?? defaultThreshold(creditsMonthly);
}

export function isBelowThreshold(remaining: number, threshold: number): boolean {
  return wholeCredits(remaining) <= threshold;
}

export function creditLevel(remaining: number, threshold: number): CreditLevel {
  if (wholeCredits(remaining) === 0) return 'empty';
  return isBelowThreshold(remaining, threshold) ? 'low' : 'normal';
}

/** The most severe level already announced since credits were last above the threshold. */
export const alertMemorySchema = z.enum(['normal', 'low', 'empty']);
export type AlertMemory = CreditLevel;

export interface AlertDecision {
  /** The level to announce now, if any. */
  announce: Exclude<CreditLevel, 'normal'> | null;
  memory: AlertMemory;
}

/**
 * One alert when credits cross down to the threshold, one more at zero, and no
 * more until they rise above the threshold again (a top-up or the monthly reset).
 */
export function decideAlert(memory: AlertMemory, level: CreditLevel): AlertDecision {
  if (level === 'normal') return { announce: null, memory: 'normal' };
  if (SEVERITY[level] > SEVERITY[memory]) return { announce: level, memory: level };
  return { announce: null, memory };
}

/** Which low-credit alert was already shown, so it is not repeated across restarts. */
export const alertMemoryItems = defineStoredFamily<AlertMemory>(accountKey('alertMemory'), {
  parse: withSchema(alertMemorySchema),
  fallback: 'normal',
  version: 1,
});
/** The first account's (the only one of a single-key install). */
export const alertMemoryItem = alertMemoryItems(FIRST_ACCOUNT);
