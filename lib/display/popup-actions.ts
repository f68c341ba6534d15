import { asOfNow, earliestUserRefresh } from '../polling/schedule';
import type { PollStatus } from '../polling/status';
import { hasUnlimitedCompressions, TOPUP_PACKS } from '../account/usage';
import type { View } from './view';

/** The one action the popup puts first, for the state the account is in. */
export type PrimaryAction = 'update-key' | 'top-up' | 'refresh';

export interface RefreshOffer {
  /** A check asked for before this time is held back (minimum gap, Retry-After); `null`: at once. */
  availableAt: number | null;
  /** While updates fail: when the extension last tried, and when it tries again by itself (`null`: not planned). */
  failing: { lastTriedAt: number; nextTryAt: number | null } | null;
}

export interface PopupActions {
  primary: PrimaryAction;
  /** `null`: no Refresh at all (a rejected key would only be refused again). */
  refresh: RefreshOffer | null;
  /** Compressions are used up on a plan with a limit: say so and offer the plans. */
  compressionsUsedUp: boolean;
}

/** What the popup offers, from the view and the stored poll status. */
export function popupActions(view: View, status: PollStatus | null, now: number): PopupActions {
  const usage = view.snapshot?.usage;
  const compressionsUsedUp = usage !== undefined && !usage.canCompress && !hasUnlimitedCompressions(usage);
  if (view.kind === 'rejected') return { primary: 'update-key', refresh: null, compressionsUsedUp };
  // Times ahead of the clock (it was set back) read as now, until the background pulls them back.
  const failure = view.failure && asOfNow(view.failure, now);
  const failing = failure && {
    lastTriedAt: failure.checkedAt,
    // A retry time already past (the browser slept through it) is no promise any more.
    nextTryAt: failure.nextAt !== null && failure.nextAt > now ? failure.nextAt : null,
  };
  const canTopUp = view.level === 'empty' && usage !== undefined && TOPUP_PACKS.some((pack) => usage.topups[pack]);
  return {
    primary: canTopUp ? 'top-up' : 'refresh',
    refresh: { availableAt: earliestUserRefresh(status, now), failing },
    compressionsUsedUp,
  };
}
