import { useStoredEach } from '@/components/use-stored';
import { FIRST_ACCOUNT } from '@/lib/account/account-id';
import { MAX_ACCOUNTS, accountName, accountsItem, popupAccountItem, type Account } from '@/lib/account/accounts';
import { apiKeyItems } from '@/lib/account/key';
import { snapshotItems } from '@/lib/account/usage';
import { settingsItem, type Settings } from '@/lib/alerts/settings';
import { insightSettingsItem } from '@/lib/foresight/settings';
import { toView, type View } from '@/lib/display/view';
import { t } from '@/lib/platform/i18n';
import { pollStatusItems, type PollStatus } from '@/lib/polling/status';

/** One account as the popup draws it: its name, key, last check and view. */
export interface AccountState {
  id: string;
  name: string;
  key: string | null;
  status: PollStatus | null;
  view: View;
}

/** The storage items the popup draws each account from. */
const drawnItems = (account: string) => [apiKeyItems(account), snapshotItems(account), pollStatusItems(account)];

// New ids take the first free number (lib/account/accounts.ts), so every listed account is
// one of these: their items are asked for before the list itself is known.
const possibleAccounts = Array.from({ length: MAX_ACCOUNTS }, (_, n) => `a${n}`);

/**
 * What the popup's first frame draws, read in one call before it (main.tsx): the list, the
 * account shown last, the settings, and every possible account's key, numbers and status.
 */
export const firstFrameItems = () => [
  accountsItem,
  popupAccountItem,
  settingsItem,
  insightSettingsItem,
  ...possibleAccounts.flatMap(drawnItems),
];

/**
 * Every listed account's state, in the list's order, following storage. With no account
 * listed, the first account's (no key: the popup asks for one).
 */
export function useAccountStates(accounts: readonly Account[], settings: Settings): AccountState[] {
  const ids = accounts.length > 0 ? accounts.map(({ id }) => id) : [FIRST_ACCOUNT];
  const keys = useStoredEach(ids.map(apiKeyItems), null);
  const snapshots = useStoredEach(ids.map(snapshotItems), null);
  const statuses = useStoredEach(ids.map(pollStatusItems), null);
  return ids.map((id, index) => {
    const key = keys[index] ?? null;
    const snapshot = snapshots[index] ?? null;
    const status = statuses[index] ?? null;
    const account = accounts[index];
    return {
      id,
      name: account ? accountName(account, snapshot?.usage.plan ?? null, key, t) : '',
      key,
      status,
      view: toView({ hasKey: key !== null, snapshot, status, settings }),
    };
  });
}
