import type { UsageSnapshot } from '../account/usage';

/** One successful reading of the account's usage, in whole units. */
export interface HistoryPoint {
  at: number;
  remaining: number;
  used: number;
  monthly: number;
  topup: number;
  compressionsUsed: number;
  compressionsLimit: number;
}

/**
 * A monthly reset, known only as a window: the counters had not reset at `before`
 * and had at `after`. The window is what tells the renewal day and its time of day.
 */
export interface ResetWindow {
  /** The last reading before the reset; `null` when it is no longer known (history from version 1). */
  before: number | null;
  /** The first reading after it: when the reset was first seen. */
  after: number;
}

/** What the extension has observed of the account over time, oldest first. */
export interface UsageHistory {
  points: HistoryPoint[];
  resets: ResetWindow[];
}

export const EMPTY_HISTORY: UsageHistory = { points: [], resets: [] };

const whole = (value: number) => Math.max(0, Math.floor(value));

export function toHistoryPoint({ usage, fetchedAt }: UsageSnapshot): HistoryPoint {
  return {
    at: Math.floor(fetchedAt),
    remaining: whole(usage.remainingCredits),
    used: whole(usage.creditsUsed),
    monthly: whole(usage.creditsMonthly),
    topup: whole(usage.topupCredits),
    compressionsUsed: whole(usage.compressionsUsed),
    compressionsLimit: whole(usage.compressionsLimit),
  };
}
