import { readStoredRaw, writeStoredRaw } from '../platform/storage';
import { isApiKey } from './key';
import { FIRST_ACCOUNT } from './account-id';
import { MAX_ACCOUNTS, accountsItem, type Account } from './accounts';

/**
 * Brings a single-key install to the accounts layout, once, before anything reads it: the
 * key in use becomes the first account (its data stays where it is, see account-id.ts), and
 * the renewal day set in version 1 of `insightSettings` becomes that account's. Run by the
 * worker and by each page before its first read; once the list exists it changes nothing, so
 * a page never writes the list the worker is changing.
 */
export async function upgradeToAccounts(now: number): Promise<void> {
  const stored = await readStoredRaw(['accounts', 'apiKey', 'insightSettings', 'insightSettings$', 'renewalDay']);
  if (stored.accounts !== undefined) return;
  const key = typeof stored.apiKey === 'string' && isApiKey(stored.apiKey) ? stored.apiKey : null;
  const writes: Record<string, unknown> = { accounts: key ? [firstAccount(now)] : [], accounts$: { v: 1 } };
  const renewalDay = version1RenewalDay(stored.insightSettings, stored['insightSettings$']);
  if (renewalDay !== null && stored.renewalDay === undefined) {
    writes.renewalDay = renewalDay;
    writes['renewalDay$'] = { v: 1 };
  }
  await writeStoredRaw(writes);
}

/**
 * The worker's start, before it hears anything: the list made whole again after a stop
 * halfway through a change. A listed account without a key (a removal cut short) goes; a
 * key under the first account's name without an account (an addition cut short, or an
 * older release's save after a downgrade) becomes the first account.
 */
export async function repairAccounts(now: number, keyOf: (account: string) => Promise<string | null>) {
  const accounts = await accountsItem.get();
  const keys = await Promise.all(accounts.map(({ id }) => keyOf(id)));
  const kept = accounts.filter((_, index) => keys[index] !== null);
  const adopt =
    !kept.some(({ id }) => id === FIRST_ACCOUNT) && kept.length < MAX_ACCOUNTS && (await keyOf(FIRST_ACCOUNT)) !== null;
  const repaired = adopt ? [firstAccount(now), ...kept] : kept;
  if (repaired.length !== accounts.length || adopt) await accountsItem.set(repaired);
}

const firstAccount = (now: number): Account => ({ id: FIRST_ACCOUNT, name: null, addedAt: now });

function version1RenewalDay(settings: unknown, meta: unknown): number | null {
  if (meta !== undefined && (meta as { v?: unknown } | null)?.v !== 1) return null;
  const day = (settings as { renewalDay?: unknown } | null)?.renewalDay;
  return typeof day === 'number' && Number.isInteger(day) && day >= 1 && day <= 31 ? day : null;
}
