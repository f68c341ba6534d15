/**
 * Accounts are named `a0`, `a1`, … The first keeps the storage keys of the releases that
 * watched one key (`apiKey`, `snapshot`, …), so upgrading moves nothing and an older release
 * still finds it; every other account's keys end in `.<id>` (`snapshot.a1`).
 */
export const FIRST_ACCOUNT = 'a0';

export const ACCOUNT_ID_PATTERN = /^a\d{1,4}$/;

export const isAccountId = (value: unknown): value is string =>
  typeof value === 'string' && ACCOUNT_ID_PATTERN.test(value);

/** The storage key of `base` for one account. */
export const accountKey =
  (base: string) =>
  (account: string): string =>
    account === FIRST_ACCOUNT ? base : `${base}.${account}`;

/** The account a storage key of `base` belongs to (`renewalDay.a2` → `a2`), as a list of none or one. */
export function accountOfKey(base: string, key: string): string[] {
  if (key === base) return [FIRST_ACCOUNT];
  const account = key.startsWith(`${base}.`) ? key.slice(base.length + 1) : '';
  return isAccountId(account) ? [account] : [];
}
