import { useEffect, useState } from 'preact/hooks';
import { accountName, accountsItem, type Account } from '@/lib/account/accounts';
import { apiKeyItems } from '@/lib/account/key';
import { snapshotItems, type UsageSnapshot } from '@/lib/account/usage';
import { t } from '@/lib/platform/i18n';

/** What names an account: its stored name, else its plan and its key's last four characters. */
export interface NamedAccount {
  account: Account;
  name: string;
  snapshot: UsageSnapshot | null;
}

/** An account's name as the page shows it, read now (for words about another account). */
export async function readAccountName(id: string): Promise<string | null> {
  const account = (await accountsItem.get()).find((entry) => entry.id === id);
  if (!account) return null;
  const [key, snapshot] = await Promise.all([apiKeyItems(id).get(), snapshotItems(id).get()]);
  return accountName(account, snapshot?.usage.plan ?? null, key, t);
}

/** Every account in `accounts` with its name and numbers, kept current as they change in any window. */
export function useNamedAccounts(accounts: readonly Account[]): NamedAccount[] {
  const [keys, setKeys] = useState<Record<string, string | null>>({});
  const [snapshots, setSnapshots] = useState<Record<string, UsageSnapshot | null>>({});
  const ids = accounts.map(({ id }) => id).join(' ');
  useEffect(() => {
    let current = true;
    const stops = ids
      .split(' ')
      .filter(Boolean)
      .flatMap((id) => {
        const keyItem = apiKeyItems(id);
        const snapshotItem = snapshotItems(id);
        const setKey = (key: string | null) => current && setKeys((all) => ({ ...all, [id]: key }));
        const setSnapshot = (snapshot: UsageSnapshot | null) =>
          current && setSnapshots((all) => ({ ...all, [id]: snapshot }));
        void keyItem.get().then(setKey);
        void snapshotItem.get().then(setSnapshot);
        return [keyItem.watch(setKey), snapshotItem.watch(setSnapshot)];
      });
    return () => {
      current = false;
      for (const stop of stops) stop();
    };
  }, [ids]);
  return accounts.map((account) => {
    const snapshot = snapshots[account.id] ?? null;
    return { account, snapshot, name: accountName(account, snapshot?.usage.plan ?? null, keys[account.id] ?? null, t) };
  });
}
