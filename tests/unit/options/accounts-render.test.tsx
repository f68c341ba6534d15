import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccountsSection } from '@/entrypoints/options/AccountsSection';
import { InsightsSettings } from '@/entrypoints/options/InsightsSettings';
import { accountsItem, MAX_ACCOUNTS } from '@/lib/account/accounts';
import { apiKeyItems } from '@/lib/account/key';
import { insightSettingsItem, renewalDayItems } from '@/lib/foresight/settings';
import { pollStatusItems } from '@/lib/polling/status';
import { ActionFailed } from '@/lib/platform/messages';
import { KEY, OTHER_KEY, usage } from '../helpers';
import { background, button, commit, field, mount, press, rowOf, settle, storeAccount, type } from './options-harness';

const THIRD_KEY = `flx_live_${'1234'.repeat(10)}`;
/** The section, once a row shows for each stored account. */
async function page() {
  const options = await mount(<AccountsSection locale="en-US" />);
  const stored = (await accountsItem.get()).length;
  await vi.waitFor(() => expect(options.querySelectorAll('.account')).toHaveLength(stored));
  return options;
}

afterEach(() => {
  render(null, document.body);
  document.body.replaceChildren();
  location.hash = '';
  vi.restoreAllMocks();
});

describe('adding an account', () => {
  it('with no account is the first-run form: the API key field and Save', async () => {
    const options = await page();
    expect(options.querySelector('#api-key')).not.toBeNull();
    expect(button(options, 'Save')).toBeTruthy();
    expect(options.querySelector('.accounts')).toBeNull();
    expect(options.querySelector('h2')!.textContent).toBe('FluxImage account');
  });

  it('checks the key once, with its name, and says it is connected', async () => {
    const asked = background({
      addAccount: async ({ key, name }) => {
        await storeAccount('a0', key, name);
        return { result: 'connected', usage: usage(), account: 'a0' };
      },
    });
    const options = await page();
    await type(field(options, 'API key'), `  ${KEY} `);
    await type(field(options, 'Name (optional)'), '  Client   A ');
    button(options, 'Save').click();
    await vi.waitFor(() =>
      expect(options.querySelector('.notice-success')!.textContent).toBe('Connected: Pro plan, 1,080 AI credits left.'),
    );
    expect(asked).toEqual([{ method: 'addAccount', argument: { key: KEY, force: false, name: 'Client A' } }]);
    expect(rowOf(options, 'a0').querySelector('h3')!.textContent).toBe('Client A');
    expect(field(options, 'API key').value).toBe('');
    expect(button(options, 'Add account')).toBeTruthy();
  });

  it('refuses a key already saved, naming the account that holds it', async () => {
    await storeAccount('a0', KEY, 'Client A');
    background({ addAccount: () => ({ result: 'duplicate', account: 'a0' }) });
    const options = await page();
    await type(field(options, 'API key'), KEY);
    button(options, 'Add account').click();
    await vi.waitFor(() =>
      expect(options.querySelector('.notice-error')!.textContent).toBe('This key is already saved as Client A.'),
    );
    expect(await accountsItem.get()).toHaveLength(1);
  });

  it('names a duplicate by its default name when it has none', async () => {
    await storeAccount('a0', KEY, null);
    background({ addAccount: () => ({ result: 'duplicate', account: 'a0' }) });
    const options = await page();
    await type(field(options, 'API key'), KEY);
    button(options, 'Add account').click();
    await vi.waitFor(() =>
      expect(options.querySelector('.notice-error')!.textContent).toBe('This key is already saved as Pro ··b2c1.'),
    );
  });

  it('says at most 10 when the background finds the list full', async () => {
    await storeAccount('a0', KEY, 'Client A');
    background({ addAccount: () => ({ result: 'full' }) });
    const options = await page();
    await type(field(options, 'API key'), OTHER_KEY);
    button(options, 'Add account').click();
    await vi.waitFor(() =>
      expect(options.querySelector('.notice-error')!.textContent).toBe(
        'At most 10 accounts can be watched. Remove one to add another.',
      ),
    );
  });

  it('with 10 accounts offers no add form, and says why', async () => {
    for (let n = 0; n < MAX_ACCOUNTS; n += 1) {
      await storeAccount(`a${n}`, `flx_live_${String(n).repeat(40)}`, `Client ${n}`);
    }
    const options = await page();
    expect(options.querySelectorAll('.account')).toHaveLength(10);
    expect(options.querySelector('#api-key')).toBeNull();
    expect(options.querySelector('.add-account')!.textContent).toContain(
      'At most 10 accounts can be watched. Remove one to add another.',
    );
  });

  it('keeps a key FluxImage could not confirm only on Save anyway', async () => {
    const asked = background({
      addAccount: ({ force }) =>
        force
          ? { result: 'unverified', kind: 'network', saved: true, account: 'a0' }
          : { result: 'unverified', kind: 'network', saved: false },
    });
    const options = await page();
    await type(field(options, 'API key'), KEY);
    button(options, 'Save').click();
    await vi.waitFor(() => expect(options.querySelector('.notice-warning')!.textContent).toMatch(/was not saved/));
    button(options, 'Save anyway').click();
    await vi.waitFor(() => expect(options.querySelector('.notice-warning')!.textContent).toMatch(/^Key saved, but/));
    expect(asked.map(({ argument }) => (argument as { force: boolean }).force)).toEqual([false, true]);
  });

  it('says a rejected key was not added', async () => {
    background({ addAccount: () => ({ result: 'rejected' }) });
    const options = await page();
    await type(field(options, 'API key'), KEY);
    button(options, 'Save').click();
    await vi.waitFor(() =>
      expect(options.querySelector('.notice-error')!.textContent).toMatch(/^FluxImage rejected this key/),
    );
    expect(field(options, 'API key').value).toBe(KEY);
  });

  it('says what is wrong with a malformed key without asking anyone', async () => {
    const asked = background({});
    const options = await page();
    await type(field(options, 'API key'), 'flx_live_123');
    button(options, 'Save').click();
    await settle();
    expect(options.querySelector('.notice-error')!.textContent).toMatch(/exactly 40 characters/);
    expect(asked).toEqual([]);
  });
});

describe('an account row', () => {
  it('shows the name, plan, credits and state in words', async () => {
    await storeAccount('a0', KEY, 'Client A');
    await storeAccount('a1', OTHER_KEY, null, { remainingCredits: 90 });
    await pollStatusItems('a1').set({
      kind: 'unauthorized',
      checkedAt: Date.now(),
      since: Date.now(),
      attempts: 1,
      nextAt: null,
    });
    const options = await page();
    expect(options.querySelector('h2')!.textContent).toBe('FluxImage accounts');
    const first = rowOf(options, 'a0');
    expect(first.querySelector('h3')!.textContent).toBe('Client A');
    await vi.waitFor(() => expect(first.textContent).toContain('Pro plan · 1,080 AI credits left'));
    expect(first.textContent).toContain('Connected.');
    const second = rowOf(options, 'a1');
    await vi.waitFor(() => expect(second.querySelector('h3')!.textContent).toBe('Pro ··ffff'));
    expect(second.querySelector('[role="alert"]')!.textContent).toBe(
      'FluxImage rejected the saved key. Paste the current one from your dashboard (Settings → API Key) and save it.',
    );
  });

  it('renames in place: Enter saves, Escape cancels, empty goes back to the default name', async () => {
    await storeAccount('a0', KEY, null);
    const asked = background({
      renameAccount: async ({ account, name }) => {
        await accountsItem.set((await accountsItem.get()).map((a) => (a.id === account ? { ...a, name } : a)));
      },
    });
    const options = await page();
    button(rowOf(options, 'a0'), 'Rename').click();
    await settle();
    const name = field(rowOf(options, 'a0'), 'Name');
    expect(document.activeElement).toBe(name);
    await type(name, 'Nobody');
    await press(name, 'Escape');
    expect(asked).toEqual([]);
    expect(rowOf(options, 'a0').querySelector('h3')!.textContent).toBe('Pro ··b2c1');

    button(rowOf(options, 'a0'), 'Rename').click();
    await settle();
    await type(field(rowOf(options, 'a0'), 'Name'), ' Client B ');
    field(rowOf(options, 'a0'), 'Name').form!.requestSubmit();
    await vi.waitFor(() => expect(rowOf(options, 'a0').querySelector('h3')!.textContent).toBe('Client B'));
    expect(rowOf(options, 'a0').textContent).toContain('Name saved: Client B.');

    button(rowOf(options, 'a0'), 'Rename').click();
    await settle();
    await type(field(rowOf(options, 'a0'), 'Name'), '   ');
    button(rowOf(options, 'a0'), 'Save name').click();
    await vi.waitFor(() => expect(rowOf(options, 'a0').querySelector('h3')!.textContent).toBe('Pro ··b2c1'));
    expect(asked.map(({ argument }) => argument)).toEqual([
      { account: 'a0', name: 'Client B' },
      { account: 'a0', name: null },
    ]);
  });

  it('says why a rename failed and keeps the typed name', async () => {
    await storeAccount('a0', KEY, 'Client A');
    background({
      renameAccount: () => {
        throw new Error('storage-full');
      },
    });
    const options = await page();
    button(rowOf(options, 'a0'), 'Rename').click();
    await settle();
    await type(field(rowOf(options, 'a0'), 'Name'), 'Client Z');
    button(rowOf(options, 'a0'), 'Save name').click();
    await vi.waitFor(() =>
      expect(rowOf(options, 'a0').querySelector('.notice-error')!.textContent).toBe(
        'Could not rename: browser storage is full.',
      ),
    );
    expect(field(rowOf(options, 'a0'), 'Name').value).toBe('Client Z');
  });

  it('replaces the key of that account only, in the words of a save', async () => {
    await storeAccount('a0', KEY, 'Client A');
    await storeAccount('a1', OTHER_KEY, 'Client B');
    const asked = background({
      saveKey: async ({ account, key }) => {
        await apiKeyItems(account).set(key);
        return { result: 'connected', usage: usage({ remainingCredits: 500 }) };
      },
    });
    const options = await page();
    button(rowOf(options, 'a1'), 'Replace key').click();
    await settle();
    const newKey = field(rowOf(options, 'a1'), 'New API key for Client B');
    await vi.waitFor(() => expect(document.activeElement).toBe(newKey));
    await type(newKey, THIRD_KEY);
    button(rowOf(options, 'a1'), 'Save new key').click();
    await vi.waitFor(() =>
      expect(rowOf(options, 'a1').querySelector('.notice-success')!.textContent).toBe(
        'Connected: Pro plan, 500 AI credits left.',
      ),
    );
    expect(asked).toEqual([{ method: 'saveKey', argument: { account: 'a1', key: THIRD_KEY, force: false } }]);
    expect(await apiKeyItems('a0').get()).toBe(KEY);
  });

  it('refuses a replacement key another account holds, with its name', async () => {
    await storeAccount('a0', KEY, 'Client A');
    await storeAccount('a1', OTHER_KEY, 'Client B');
    background({ saveKey: () => ({ result: 'duplicate', account: 'a0' }) });
    const options = await page();
    button(rowOf(options, 'a1'), 'Replace key').click();
    await settle();
    await type(field(rowOf(options, 'a1'), 'New API key for Client B'), KEY);
    button(rowOf(options, 'a1'), 'Save new key').click();
    await vi.waitFor(() =>
      expect(rowOf(options, 'a1').querySelector('.notice-error')!.textContent).toBe(
        'This key is already saved as Client A.',
      ),
    );
  });

  it('says a key replaced for an account removed meanwhile was not saved', async () => {
    await storeAccount('a0', KEY, 'Client A');
    background({ saveKey: () => ({ result: 'gone' }) });
    const options = await page();
    button(rowOf(options, 'a0'), 'Replace key').click();
    await settle();
    await type(field(rowOf(options, 'a0'), 'New API key for Client A'), OTHER_KEY);
    button(rowOf(options, 'a0'), 'Save new key').click();
    await vi.waitFor(() =>
      expect(options.querySelector('.notice-warning')!.textContent).toBe(
        'This account was removed in another window, so the key was not saved.',
      ),
    );
  });

  it('still says the key was not saved when the account is removed elsewhere during the check, and its row goes', async () => {
    await storeAccount('a0', KEY, 'Client A');
    background({
      saveKey: async () => {
        // Removed in another window while FluxImage was answering: the row goes before the answer arrives.
        await accountsItem.set([]);
        await new Promise((resolve) => setTimeout(resolve, 30));
        return { result: 'gone' };
      },
    });
    const options = await page();
    button(rowOf(options, 'a0'), 'Replace key').click();
    await settle();
    await type(field(rowOf(options, 'a0'), 'New API key for Client A'), OTHER_KEY);
    button(rowOf(options, 'a0'), 'Save new key').click();
    await vi.waitFor(() => expect(rowOf(options, 'a0')).toBeNull());
    await vi.waitFor(() =>
      expect(options.querySelector('.notice-warning')?.textContent).toBe(
        'This account was removed in another window, so the key was not saved.',
      ),
    );
  });

  it('removes only once confirmed, and says so only once it happened', async () => {
    await storeAccount('a0', KEY, 'Client A');
    await storeAccount('a1', OTHER_KEY, 'Client B');
    let finish: () => void = () => undefined;
    const asked = background({
      removeAccount: ({ account }) =>
        new Promise<void>((resolve) => {
          finish = () =>
            void accountsItem
              .get()
              .then((list) => accountsItem.set(list.filter(({ id }) => id !== account)))
              .then(resolve);
        }),
    });
    const options = await page();
    button(rowOf(options, 'a0'), 'Remove').click();
    await settle();
    expect(rowOf(options, 'a0').textContent).toContain(
      'Remove Client A? Its key, numbers and history are deleted from this browser.',
    );
    expect(asked).toEqual([]);
    button(rowOf(options, 'a0'), 'Remove Client A').click();
    await settle();
    expect(rowOf(options, 'a0').textContent).toContain('Removing Client A…');
    expect(options.textContent).not.toContain('was removed');
    finish();
    await vi.waitFor(() => expect(rowOf(options, 'a0')).toBeNull());
    expect(options.textContent).toContain('Client A was removed: its key, numbers and history are deleted.');
    expect(asked).toEqual([{ method: 'removeAccount', argument: { account: 'a0' } }]);
    expect(rowOf(options, 'a1')).not.toBeNull();
  });

  it('says why a removal failed, and keeps the row', async () => {
    await storeAccount('a0', KEY, 'Client A');
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    background({
      removeAccount: () => {
        throw new ActionFailed('storage');
      },
    });
    const options = await page();
    button(rowOf(options, 'a0'), 'Remove').click();
    await settle();
    button(rowOf(options, 'a0'), 'Remove Client A').click();
    await vi.waitFor(() =>
      expect(rowOf(options, 'a0').querySelector('.notice-error')!.textContent).toMatch(/^Could not remove Client A: /),
    );
    expect(options.textContent).not.toContain('was removed');
  });

  it('keeps a renewal day per account', async () => {
    await storeAccount('a0', KEY, 'Client A');
    await storeAccount('a1', OTHER_KEY, 'Client B');
    const options = await page();
    // The renewal day is among the tools each row loads after it is drawn.
    const second = await vi.waitFor(() => {
      const found = rowOf(options, 'a1').querySelector<HTMLInputElement>('#renewal-day-a1');
      expect(found).not.toBeNull();
      return found!;
    });
    await type(second, '20');
    await commit(second);
    await vi.waitFor(async () => expect(await renewalDayItems('a1').get()).toBe(20));
    expect(await renewalDayItems('a0').get()).toBeNull();
    expect(rowOf(options, 'a0').querySelector<HTMLInputElement>('#renewal-day')!.value).toBe('');
    expect(rowOf(options, 'a1').querySelector('#renewal-day-a1-help')!.textContent).toBe(
      'Set by you. Leave it empty to use the day detected from your resets.',
    );
  });

  it('focuses the row #account=<id> names', async () => {
    await storeAccount('a0', KEY, 'Client A');
    await storeAccount('a1', OTHER_KEY, 'Client B');
    location.hash = '#account=a1';
    const options = await page();
    await vi.waitFor(() => expect(document.activeElement).toBe(rowOf(options, 'a1')));
  });
});

describe('which account the badge shows', () => {
  const settings = () => mount(<InsightsSettings locale="en-US" />);
  const radios = (options: HTMLElement) => [
    ...options.querySelectorAll<HTMLInputElement>('input[name="badge-account"]'),
  ];

  it('is not asked with one account', async () => {
    await storeAccount('a0', KEY, 'Client A');
    const options = await settings();
    expect(radios(options)).toHaveLength(0);
  });

  it('offers the account that runs out first (the default) and each account by name', async () => {
    await storeAccount('a0', KEY, 'Client A');
    await storeAccount('a1', OTHER_KEY, null);
    const options = await settings();
    await vi.waitFor(() =>
      expect(radios(options).map((radio) => radio.parentElement!.textContent)).toEqual([
        'The account that runs out first',
        'Client A',
        'Pro ··ffff',
      ]),
    );
    expect(radios(options)[0]!.checked).toBe(true);
    radios(options)[2]!.click();
    await vi.waitFor(async () => expect((await insightSettingsItem.get()).badgeAccount).toBe('a1'));
    radios(options)[0]!.click();
    await vi.waitFor(async () => expect((await insightSettingsItem.get()).badgeAccount).toBeUndefined());
  });

  it('reads a removed account as the default', async () => {
    await storeAccount('a0', KEY, 'Client A');
    await storeAccount('a1', OTHER_KEY, 'Client B');
    await insightSettingsItem.set({ ...(await insightSettingsItem.get()), badgeAccount: 'a7' });
    const options = await settings();
    await vi.waitFor(() => expect(radios(options)).toHaveLength(3));
    expect(radios(options).map((radio) => radio.checked)).toEqual([true, false, false]);
  });
});
