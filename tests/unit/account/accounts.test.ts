import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_NAME_MAX,
  MAX_ACCOUNTS,
  accountName,
  accountsItem,
  cleanAccountName,
  defaultAccountName,
  newAccountId,
} from '@/lib/account/accounts';
import { accountKey, accountOfKey } from '@/lib/account/account-id';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { KEY, en } from '../helpers';

const account = (id: string) => ({ id, name: null, addedAt: 1 });

describe('account ids', () => {
  it('give a lone account the first account’s id, so it uses the single-key storage keys', () => {
    expect(newAccountId([])).toBe('a0');
    expect(accountKey('usageSnapshot')('a0')).toBe('usageSnapshot');
  });

  it('take the first free id, and name every other account’s keys after it', () => {
    expect(newAccountId([account('a0'), account('a1')])).toBe('a2');
    expect(newAccountId([account('a1')])).toBe('a0');
    expect(accountKey('usageSnapshot')('a3')).toBe('usageSnapshot.a3');
  });

  it.each([
    ['renewalDay', ['a0']],
    ['renewalDay.a4', ['a4']],
    ['renewalDay$', []],
    ['renewalDay.x', []],
    ['renewalDayz', []],
  ])('find the account of the storage key %s', (key, accounts) => {
    expect(accountOfKey('renewalDay', key)).toEqual(accounts);
  });
});

describe('account names', () => {
  it('default to the plan and the key’s last four characters', () => {
    expect(defaultAccountName('pro', KEY, en)).toBe('Pro ··b2c1');
    expect(defaultAccountName(null, KEY, en)).toBe('Account ··b2c1');
    expect(accountName({ ...account('a1'), name: 'Client A' }, 'pro', KEY, en)).toBe('Client A');
  });

  it.each([
    ['  Client   A  ', 'Client A'],
    ['Client\u202E A\u0000', 'Client A'],
    ['\u200B\u00AD', null],
    ['', null],
    ['é'.repeat(60), 'é'.repeat(ACCOUNT_NAME_MAX)],
  ])('are cleaned as typed: %j → %j', (raw, cleaned) => {
    expect(cleanAccountName(raw)).toBe(cleaned);
  });
});

describe('the stored list', () => {
  it('reads a damaged or oversized list as no accounts', async () => {
    await fakeBrowser.storage.local.set({ accounts: [account('a0'), account('a0')] });
    expect(await accountsItem.get()).toEqual([]);
    const eleven = Array.from({ length: MAX_ACCOUNTS + 1 }, (_, n) => account(`a${n}`));
    await fakeBrowser.storage.local.set({ accounts: eleven });
    expect(await accountsItem.get()).toEqual([]);
    await fakeBrowser.storage.local.set({ accounts: [{ id: '__proto__', name: null, addedAt: 1 }] });
    expect(await accountsItem.get()).toEqual([]);
  });
});
