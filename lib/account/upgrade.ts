import { readStoredRaw, writeStoredRaw } from '../platform/storage';
import { isApiKey } from './key';
import { FIRST_ACCOUNT } from './account-id';
import { MAX_ACCOUNTS, accountsItem, type Account } from './accounts';

/**
 * Brings a single-key install to the accounts layout, once, before anything reads it: the
 * key in use becomes the first account (its data stays where it is, see account-id.ts), and
 * the renewal day set in version 1 of `insightSettings` becomes that account's. Run by the
 * worker and by each page before its first read; running it twice changes nothing. A key
 * found without an account (written by an older release after a downgrade) is adopted.
 */
export async function upgradeToAccounts(now: number): Promise<void> {
  const stored = await readStoredRaw(['accounts', 'apiKey', 'insightSettings', 'insightSettings$', 'renewalDay']);
  const key = typeof stored.apiKey === 'string' && isApiKey(stored.apiKey) ? stored.apiKey : null;
  const writes: Record<string, unknown> = {};
  if (stored.accounts === undefined) {
    writes.accounts = key ? [firstAccount(now)] : [];
    writes['accounts$'] = { v: 1 };
    const renewalDay = version1RenewalDay(stored.insightSettings, stored['insightSettings$']);
    if (renewalDay !== null && stored.renewalDay === undefined) {
      writes.renewalDay = renewalDay;
      writes['renewalDay$'] = { v: 1 };
    }
  } else if (key) {
    const accounts = await accountsItem.get();
    if (!accounts.some(({ id }) => id === FIRST_ACCOUNT) && accounts.length < MAX_ACCOUNTS) {
      writes.accounts = [firstAccount(now), ...accounts];
    }
  }
  if (Object.keys(writes).length > 0) await writeStoredRaw(writes);
}

const firstAccount = (now: number): Account => ({ id: FIRST_ACCOUNT, name: null, addedAt: now });

function version1RenewalDay(settings: unknown, meta: unknown): number | null {
  if (meta !== undefined && (meta as { v?: unknown } | null)?.v !== 1) return null;
  const day = (settings as { renewalDay?: unknown } | null)?.renewalDay;
  return typeof day === 'number' && Number.isInteger(day) && day >= 1 && day <= 31 ? day : null;
}
