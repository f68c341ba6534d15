import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MAX_ACCOUNTS, accountsItem } from '@/lib/account/accounts';
import { repairAccounts, upgradeToAccounts } from '@/lib/account/upgrade';
import { renewalDayItems } from '@/lib/foresight/settings';
import { KEY, OTHER_KEY } from '../helpers';

const NOW = 1_796_000_000_000;
const settingsV1 = {
  renewalDay: 14,
  notify: { runOut: true, compressionsUsedUp: true, keyRejected: true, creditsBack: false },
  badge: 'credits',
  checkEveryMinutes: 15,
};

describe('upgrading a single-key install', () => {
  it('makes the key in use the first account, with the renewal day it had, and moves nothing else', async () => {
    await fakeBrowser.storage.local.set({
      apiKey: KEY,
      usageSnapshot: { kept: true },
      insightSettings: settingsV1,
      insightSettings$: { v: 1 },
    });
    await upgradeToAccounts(NOW);
    expect(await accountsItem.get()).toEqual([{ id: 'a0', name: null, addedAt: NOW }]);
    expect(await renewalDayItems('a0').get()).toBe(14);
    expect(await fakeBrowser.storage.local.get('usageSnapshot')).toEqual({ usageSnapshot: { kept: true } });
  });

  it('gives a fresh install an empty list', async () => {
    await upgradeToAccounts(NOW);
    expect(await accountsItem.get()).toEqual([]);
    expect(await renewalDayItems('a0').get()).toBeNull();
  });

  it('changes nothing the second time, even with a renewal day chosen since', async () => {
    await fakeBrowser.storage.local.set({ apiKey: KEY, insightSettings: settingsV1, insightSettings$: { v: 1 } });
    await upgradeToAccounts(NOW);
    await renewalDayItems('a0').set(3);
    await accountsItem.set([{ id: 'a0', name: 'Mine', addedAt: NOW }]);
    await upgradeToAccounts(NOW + 1);
    expect(await accountsItem.get()).toEqual([{ id: 'a0', name: 'Mine', addedAt: NOW }]);
    expect(await renewalDayItems('a0').get()).toBe(3);
  });

  it('leaves an existing list alone, even beside a key the worker is still adding', async () => {
    await accountsItem.set([{ id: 'a1', name: 'Client A', addedAt: 1 }]);
    await fakeBrowser.storage.local.set({ apiKey: KEY });
    await upgradeToAccounts(NOW);
    expect((await accountsItem.get()).map(({ id }) => id)).toEqual(['a1']);
  });
});

describe('repairing the list at the worker’s start', () => {
  const keyOf = async (account: string) => {
    const storageKey = account === 'a0' ? 'apiKey' : `apiKey.${account}`;
    const value = (await fakeBrowser.storage.local.get(storageKey))[storageKey];
    return typeof value === 'string' ? value : null;
  };

  it('adopts a key without an account (an addition cut short, or a downgrade) as the first account', async () => {
    await accountsItem.set([{ id: 'a1', name: 'Client A', addedAt: 1 }]);
    await fakeBrowser.storage.local.set({ apiKey: KEY, 'apiKey.a1': OTHER_KEY });
    await repairAccounts(NOW, keyOf);
    expect((await accountsItem.get()).map(({ id }) => id)).toEqual(['a0', 'a1']);
  });

  it('drops a listed account whose key is gone (a removal cut short)', async () => {
    await accountsItem.set([
      { id: 'a0', name: 'Kept', addedAt: 1 },
      { id: 'a1', name: 'Half removed', addedAt: 2 },
    ]);
    await fakeBrowser.storage.local.set({ apiKey: KEY });
    await repairAccounts(NOW, keyOf);
    expect((await accountsItem.get()).map(({ name }) => name)).toEqual(['Kept']);
  });

  it('never makes the list longer than it may be', async () => {
    const full = Array.from({ length: MAX_ACCOUNTS }, (_, n) => ({ id: `a${n + 1}`, name: null, addedAt: 1 }));
    await accountsItem.set(full);
    await fakeBrowser.storage.local.set({
      apiKey: KEY,
      ...Object.fromEntries(full.map(({ id }) => [`apiKey.${id}`, OTHER_KEY])),
    });
    await repairAccounts(NOW, keyOf);
    expect(await accountsItem.get()).toEqual(full);
  });

  it('leaves a renewal day it cannot read behind', async () => {
    await fakeBrowser.storage.local.set({ apiKey: KEY, insightSettings: { ...settingsV1, renewalDay: 40 } });
    await upgradeToAccounts(NOW);
    expect(await renewalDayItems('a0').get()).toBeNull();
  });
});
