import { describe, expect, it } from 'vitest';
import { accountsItem } from '@/lib/account/accounts';
import { nameOfAccount, nameOfAccountId, titleForAccount } from '@/lib/display/account-names';
import { extensionStore } from '@/lib/polling/store';
import { KEY, OTHER_KEY, en, usage } from '../helpers';

const clientA = { id: 'a0', name: 'Client A', addedAt: 1 };
const unnamed = { id: 'a1', name: null, addedAt: 2 };

describe('notifications with several accounts', () => {
  it('keep today’s title with one account', async () => {
    await accountsItem.set([clientA]);
    expect(await titleForAccount('a0', 'FluxImage AI credits running low', en)).toBe(
      'FluxImage AI credits running low',
    );
  });

  it('name the account first with two or more, by its default name when it has none', async () => {
    await accountsItem.set([clientA, unnamed]);
    await extensionStore('a1').apiKey.set(OTHER_KEY);
    await extensionStore('a1').snapshot.set({ usage: usage({ plan: 'agency' }), fetchedAt: Date.UTC(2026, 11, 2) });
    expect(await titleForAccount('a0', 'FluxImage AI credits running low', en)).toBe(
      'Client A: FluxImage AI credits running low',
    );
    expect(await titleForAccount('a1', 'Runs out', en)).toBe('Agency ··ffff: Runs out');
  });

  it('call an account whose plan is not known yet by its key alone', async () => {
    await extensionStore('a1').apiKey.set(KEY);
    expect(await nameOfAccount(unnamed, en)).toBe('Account ··b2c1');
  });

  it('name an account by its id for the unusual-spending title, with one account as with several', async () => {
    await accountsItem.set([clientA]);
    expect(await nameOfAccountId('a0', en)).toBe('Client A');
    // Not listed yet (being added): its default name.
    await extensionStore('a1').apiKey.set(OTHER_KEY);
    await extensionStore('a1').snapshot.set({ usage: usage({ plan: 'agency' }), fetchedAt: Date.UTC(2026, 11, 2) });
    expect(await nameOfAccountId('a1', en)).toBe('Agency ··ffff');
  });
});
