import { isAccountId } from './account-id';

/**
 * The hash of the options page that says what it opens on. The popup and a notification
 * build it; the page reads it (on load, and on `hashchange` when it is already open). The
 * usage page reads `#account=<id>` the same way, to open on that account.
 *
 * - `#account=<id>`: that account's row, focused.
 * - `#account=<id>&replace`: that account's Replace key form, open, its field focused
 *   ("Update your key", a click on a rejected-key notification).
 * - `#update-key`: what links from the single-key releases open, the first account's
 *   Replace key form (or the first-run key field while there is no account).
 */
export type OptionsTarget = { account: string; replace: boolean } | { account: 'first'; replace: true };

/** The hash the single-key releases opened the key field with; it still means the first account. */
export const UPDATE_KEY_HASH = '#update-key';

/** The hash that opens the options page on `account`'s row, or on its Replace key form. */
export const accountHash = (account: string, { replace }: { replace: boolean }): string =>
  `#account=${account}${replace ? '&replace' : ''}`;

/** What `hash` asks the options page to open on; `null` for any other hash. */
export function readOptionsHash(hash: string): OptionsTarget | null {
  if (hash === UPDATE_KEY_HASH) return { account: 'first', replace: true };
  const found = /^#account=([^&]*)(&replace)?$/.exec(hash);
  if (!found || !isAccountId(found[1])) return null;
  return { account: found[1], replace: found[2] !== undefined };
}
