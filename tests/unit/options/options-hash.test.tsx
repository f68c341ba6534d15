import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AccountsSection } from '@/entrypoints/options/AccountsSection';
import { provideFirstRead } from '@/components/use-stored';
import { accountsItem } from '@/lib/account/accounts';
import { accountHash, readOptionsHash } from '@/lib/account/options-hash';
import { readFirst } from '@/lib/platform/first-read';
import { pollStatusItems } from '@/lib/polling/status';
import { KEY, OTHER_KEY } from '../helpers';
import { field, mount, rowOf, settle, storeAccount } from './options-harness';

const THIRD_KEY = `flx_live_${'1234'.repeat(10)}`;
const REJECTED =
  'FluxImage rejected the saved key. Paste the current one from your dashboard (Settings → API Key) and save it.';

describe('the options page hash', () => {
  it.each([
    ['#account=a2', { account: 'a2', replace: false }],
    ['#account=a2&replace', { account: 'a2', replace: true }],
    ['#account=a0&replace', { account: 'a0', replace: true }],
    // Links from the single-key releases: the first account's key form.
    ['#update-key', { account: 'first', replace: true }],
    ['', null],
    ['#account=', null],
    ['#account=bob&replace', null],
    ['#account=a1&remove', null],
    ['#replace', null],
    ['#account=a1&replace&replace', null],
  ])('%j opens on %j', (hash, target) => {
    expect(readOptionsHash(hash)).toEqual(target);
  });

  it.each([false, true])('is read back as it was built (replace: %s)', (replace) => {
    expect(readOptionsHash(accountHash('a7', { replace }))).toEqual({ account: 'a7', replace });
  });
});

/** Three accounts, Client C's key rejected by FluxImage. */
async function threeAccounts() {
  await storeAccount('a0', KEY, 'Client A');
  await storeAccount('a1', OTHER_KEY, 'Client B');
  await storeAccount('a2', THIRD_KEY, 'Client C');
  await pollStatusItems('a2').set({
    kind: 'unauthorized',
    checkedAt: Date.now(),
    since: Date.now(),
    attempts: 1,
    nextAt: null,
  });
}

/** The section as the page mounts it: storage read first, so the stored accounts are in its first frame. */
async function page() {
  provideFirstRead(await readFirst());
  const options = await mount(<AccountsSection locale="en-US" />);
  const stored = (await accountsItem.get()).length;
  await vi.waitFor(() => expect(options.querySelectorAll('.account')).toHaveLength(stored));
  return options;
}

/** The page's hash set while it is open, as the address bar or a link in the tab does. */
async function navigate(hash: string) {
  location.hash = hash;
  dispatchEvent(new HashChangeEvent('hashchange'));
  await settle();
}

/** The field labelled `name` in `scope`, once it is there and has the focus. */
const focusedField = (scope: HTMLElement, name: string) =>
  vi.waitFor(() => {
    const found = field(scope, name);
    expect(document.activeElement).toBe(found);
    return found;
  });

const openForms = (options: HTMLElement) =>
  [...options.querySelectorAll('.replace-key')].map((form) => form.closest('li')!.id);
const describedBy = (input: HTMLElement) =>
  input
    .getAttribute('aria-describedby')!
    .split(' ')
    .map((id) => document.getElementById(id)!.textContent);

afterEach(() => {
  render(null, document.body);
  document.body.replaceChildren();
  location.hash = '';
  vi.restoreAllMocks();
});

describe('Update your key, in the options page', () => {
  it('opens that account’s Replace key form, its field focused and described by why the key was rejected', async () => {
    await threeAccounts();
    location.hash = accountHash('a2', { replace: true });
    const options = await page();
    const newKey = await focusedField(rowOf(options, 'a2'), 'New API key for Client C');
    expect(openForms(options)).toEqual(['account-a2']);
    expect(describedBy(newKey)[0]).toBe(REJECTED);
    expect(rowOf(options, 'a2').querySelector('[role="alert"]')!.textContent).toBe(REJECTED);
  });

  it('describes the field by its help alone while the key is not rejected', async () => {
    await threeAccounts();
    location.hash = accountHash('a1', { replace: true });
    const options = await page();
    const newKey = await focusedField(rowOf(options, 'a1'), 'New API key for Client B');
    expect(describedBy(newKey)).toEqual([expect.stringMatching(/^Find it in the FluxImage dashboard/)]);
  });

  it('opens the first account’s form for #update-key, as links from the single-key releases do', async () => {
    await storeAccount('a0', KEY, null);
    location.hash = '#update-key';
    const options = await page();
    await focusedField(rowOf(options, 'a0'), 'New API key for Pro ··b2c1');
  });

  it('focuses the first-run key field for #update-key while there is no account', async () => {
    location.hash = '#update-key';
    const options = await page();
    await focusedField(options, 'API key');
  });

  it('follows a new hash while the page is open, and focuses a form left open when asked again', async () => {
    await threeAccounts();
    const options = await page();
    expect(openForms(options)).toEqual([]);

    await navigate(accountHash('a2', { replace: true }));
    const newKey = await focusedField(rowOf(options, 'a2'), 'New API key for Client C');

    await navigate(accountHash('a0', { replace: false }));
    await vi.waitFor(() => expect(document.activeElement).toBe(rowOf(options, 'a0')));
    // The form stays open; asked for again, its field has the focus again.
    expect(openForms(options)).toEqual(['account-a2']);
    await navigate(accountHash('a2', { replace: true }));
    await vi.waitFor(() => expect(document.activeElement).toBe(newKey));
  });

  it('acts on the last hash when two changes are heard together', async () => {
    await threeAccounts();
    location.hash = accountHash('a2', { replace: true });
    const options = await page();
    const newKey = await focusedField(rowOf(options, 'a2'), 'New API key for Client C');
    rowOf(options, 'a0').focus();
    // Back to the row and again to the form before the page hears either change.
    location.hash = accountHash('a0', { replace: false });
    location.hash = accountHash('a2', { replace: true });
    dispatchEvent(new HashChangeEvent('hashchange'));
    dispatchEvent(new HashChangeEvent('hashchange'));
    await vi.waitFor(() => expect(document.activeElement).toBe(newKey));
  });

  it('opens nothing for an account that is not listed', async () => {
    await threeAccounts();
    location.hash = accountHash('a5', { replace: true });
    const options = await page();
    await settle();
    expect(openForms(options)).toEqual([]);
  });
});
