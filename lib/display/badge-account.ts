import type { View } from './view';

/** An account on the badge: its id, the name it is shown under, and its view. */
export interface NamedView {
  id: string;
  name: string;
  view: View;
  /** Days its credits last at this pace (the badge's `days` mode); `null` or absent without a pace. */
  daysLeft?: number | null;
}

/**
 * How much an account needs the user now, lower first: credits used up, then under the
 * threshold, then the nearest to it (credits left over the threshold), then the rest.
 */
function urgency({ view }: NamedView): number {
  if (!view.snapshot || view.threshold === null) return Number.POSITIVE_INFINITY;
  const left = view.snapshot.usage.remainingCredits;
  if (left <= 0) return -1;
  return view.threshold > 0 ? left / view.threshold : left;
}

/**
 * The account the badge shows: the one chosen in the settings while it exists, else the one
 * that runs out first (the first in the list among equals).
 */
export function badgeAccount(accounts: readonly NamedView[], choice: string | undefined): NamedView | null {
  const chosen = accounts.find(({ id }) => id === choice);
  if (chosen) return chosen;
  let first: NamedView | null = null;
  for (const account of accounts) if (!first || urgency(account) < urgency(first)) first = account;
  return first;
}
