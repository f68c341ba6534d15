import { accountName, accountsItem, type Account } from '../account/accounts';
import type { Translate } from '../platform/i18n';
import { extensionStore } from '../polling/store';

/** An account's name as the badge and notifications show it (the default needs its plan and key). */
export async function nameOfAccount(account: Account, t: Translate): Promise<string> {
  const store = extensionStore(account.id);
  const [snapshot, key] = await Promise.all([store.snapshot.get(), store.apiKey.get()]);
  return accountName(account, snapshot?.usage.plan ?? null, key, t);
}

/** A notification's title, after the account's name when there are several: "Client B: …". */
export async function titleForAccount(account: string, title: string, t: Translate): Promise<string> {
  const accounts = await accountsItem.get();
  const named = accounts.length > 1 ? accounts.find(({ id }) => id === account) : undefined;
  return named ? t('notificationForAccount', await nameOfAccount(named, t), title) : title;
}

/** The name of the account with id `account` as notifications show it, listed or being added. */
export async function nameOfAccountId(account: string, t: Translate): Promise<string> {
  const listed = (await accountsItem.get()).find(({ id }) => id === account);
  return nameOfAccount(listed ?? { id: account, name: null, addedAt: 0 }, t);
}
