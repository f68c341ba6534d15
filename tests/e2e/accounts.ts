// Several accounts in the running extension: written to its storage as the options page
// would leave them, then checked by the worker against the fake API's per-key answers.
import type { FakeApi } from '../fake-api/server';
import { extensionPage, type RunningExtension } from '../support/extension';
import { KEY, OTHER_KEY } from '../support/keys';

export interface SeededAccount {
  /** The name the user gave it; `null` shows the default ("Pro ··b2c1"). */
  name: string | null;
  key: string;
  /** What the fake API answers for this key (changes to its sample answer). */
  usage?: Record<string, unknown>;
  /** The fake API answers this key with 401. */
  rejected?: boolean;
}

/** A third key, for the third account. */
export const THIRD_KEY = `flx_live_${'0a1b'.repeat(10)}`;

/** The three accounts the issue asks for: one healthy, one low, one whose key is rejected. */
export const THREE_ACCOUNTS: readonly SeededAccount[] = [
  { name: 'Client A', key: KEY },
  { name: 'Client B', key: OTHER_KEY, usage: { ia_credits_used: 910, ia_topup_credits: 0, ia_credits_remaining: 90 } },
  { name: 'Client C', key: THIRD_KEY, rejected: true },
];

/** The id of the account at `index` in the list (a0, a1, …). */
export const accountId = (index: number): string => `a${index}`;

/** A storage key of `base` for account `id`: a0 keeps the single-key names, others end in `.<id>`. */
const storageKey = (base: string, id: string) => (id === 'a0' ? base : `${base}.${id}`);

type Chrome = {
  chrome: {
    storage: { local: { set(values: object): Promise<void>; get(keys: string[]): Promise<Record<string, unknown>> } };
    runtime: { sendMessage(message: object): Promise<unknown> };
  };
};

/**
 * Writes `accounts` (ids a0, a1, … in that order) and their keys to storage, tells the fake
 * API how to answer each key, then has the worker check every account (a `refresh` per
 * account, as the popup asks) and waits until each has been answered. Returns the ids.
 */
export async function seedAccounts(
  extension: Pick<RunningExtension, 'context'>,
  accounts: readonly SeededAccount[],
  api?: FakeApi,
): Promise<string[]> {
  const ids = accounts.map((_, index) => accountId(index));
  for (const account of accounts) {
    if (account.rejected) api?.rejectKey(account.key);
    if (account.usage) api?.setUsageFor(account.key, account.usage);
  }
  const now = Date.now();
  const values: Record<string, unknown> = {
    accounts: accounts.map(({ name }, index) => ({ id: ids[index], name, addedAt: now + index })),
    accounts$: { v: 1 },
  };
  for (const [index, { key }] of accounts.entries()) {
    values[storageKey('apiKey', ids[index]!)] = key;
    values[`${storageKey('apiKey', ids[index]!)}$`] = { v: 1 };
  }
  const page = await extensionPage(extension.context);
  await page.evaluate(async (seed) => {
    const { chrome } = globalThis as unknown as Chrome;
    await chrome.storage.local.set(seed);
  }, values);
  const statusKeys = ids.map((id) => storageKey('pollStatus', id));
  for (const id of ids) {
    await page.evaluate(async (account) => {
      const { chrome } = globalThis as unknown as Chrome;
      await chrome.runtime.sendMessage({ method: 'refresh', argument: { account } });
    }, id);
  }
  // Without Playwright's expect, so scripts/screenshots.ts can seed accounts too.
  for (const deadline = Date.now() + 10_000; ;) {
    const stored = await page.evaluate(async (keys) => {
      const { chrome } = globalThis as unknown as Chrome;
      return chrome.storage.local.get(keys);
    }, statusKeys);
    if (statusKeys.every((key) => stored[key] !== undefined)) break;
    if (Date.now() > deadline) throw new Error('Not every seeded account was checked within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return ids;
}
