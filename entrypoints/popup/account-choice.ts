import type { MessageKey } from '@/lib/platform/i18n';
import { badgeAccount, type NamedView } from '@/lib/display/badge-account';
import type { View } from '@/lib/display/view';

/**
 * The word beside an account's credits in the popup's list, so its state is never told by
 * colour alone; `null` while all is well (or its first answer is on its way).
 */
export function accountMark(view: View): { tone: 'low' | 'empty' | 'error' | 'muted'; word: MessageKey } | null {
  switch (view.kind) {
    case 'rejected':
      return { tone: 'error', word: 'accountMarkRejected' };
    case 'access-off':
      return { tone: 'muted', word: 'accountMarkAccessOff' };
    case 'unreachable':
      return { tone: 'muted', word: 'accountMarkUnreachable' };
    case 'stale':
      return { tone: 'muted', word: 'accountMarkStale' };
    case 'empty':
      return { tone: 'empty', word: 'accountMarkEmpty' };
    case 'low':
      return { tone: 'low', word: 'accountMarkLow' };
    default:
      return null;
  }
}

/**
 * The account the popup opens on: the one shown last (chosen there, or by a click on a
 * notification) while it is still listed, else the one the badge shows.
 */
export function openingAccount(
  accounts: readonly NamedView[],
  last: string | null,
  badgeChoice: string | undefined,
): string | null {
  if (last !== null && accounts.some(({ id }) => id === last)) return last;
  return badgeAccount(accounts, badgeChoice)?.id ?? null;
}

/**
 * The tab a key moves to in the list of `count` accounts (WAI-ARIA tabs pattern): arrows
 * go to the next or previous one, wrapping round; Home and End to the first and last;
 * `null` for any other key. The list is vertical, but Left and Right work too.
 */
export function tabAfterKey(key: string, index: number, count: number): number | null {
  switch (key) {
    case 'ArrowDown':
    case 'ArrowRight':
      return (index + 1) % count;
    case 'ArrowUp':
    case 'ArrowLeft':
      return (index - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
