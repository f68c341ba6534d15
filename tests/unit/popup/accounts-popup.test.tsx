import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { provideFirstRead } from '@/components/use-stored';
import { accountsItem, popupAccountItem } from '@/lib/account/accounts';
import { apiKeyItems } from '@/lib/account/key';
import { snapshotItems } from '@/lib/account/usage';
import { insightSettingsItem, DEFAULT_INSIGHT_SETTINGS } from '@/lib/foresight/settings';
import { readFirst } from '@/lib/platform/first-read';
import { pollStatusItems } from '@/lib/polling/status';
import { App } from '@/entrypoints/popup/App';
import { firstFrameItems } from '@/entrypoints/popup/account-states';
import { KEY, OTHER_KEY, usage } from '../helpers';

const THIRD_KEY = `flx_live_${'0a1b'.repeat(10)}`;
const now = Date.now();

/** Client A healthy (1,080 left), Client B low (90 left), Client C's key rejected. */
async function seedThree() {
  await accountsItem.set([
    { id: 'a0', name: 'Client A', addedAt: 1 },
    { id: 'a1', name: 'Client B', addedAt: 2 },
    { id: 'a2', name: 'Client C', addedAt: 3 },
  ]);
  for (const [id, key] of [
    ['a0', KEY],
    ['a1', OTHER_KEY],
    ['a2', THIRD_KEY],
  ] as const) {
    await apiKeyItems(id).set(key);
  }
  await snapshotItems('a0').set({ usage: usage(), fetchedAt: now });
  await snapshotItems('a1').set({
    usage: usage({ creditsUsed: 910, topupCredits: 0, remainingCredits: 90 }),
    fetchedAt: now,
  });
  // Checked just now: opening the popup asks for no check of its own.
  await pollStatusItems('a0').set({ kind: 'ok', checkedAt: now, nextAt: now + 900_000 });
  await pollStatusItems('a1').set({ kind: 'ok', checkedAt: now, nextAt: now + 900_000 });
  await pollStatusItems('a2').set({ kind: 'unauthorized', checkedAt: now, since: now, attempts: 1, nextAt: null });
}

const refreshes: unknown[] = [];

beforeEach(() => {
  refreshes.length = 0;
  fakeBrowser.runtime.onMessage.addListener((message: unknown) => {
    refreshes.push((message as { argument: unknown }).argument);
    return Promise.resolve({ ok: true, value: { result: 'checked' } });
  });
});

afterEach(() => {
  document.body.replaceChildren();
});

/** As main.tsx opens it: one storage read of what the first frame draws, then the first render. */
async function openPopup(): Promise<HTMLElement> {
  provideFirstRead(await readFirst(firstFrameItems()));
  const container = document.createElement('main');
  document.body.append(container);
  render(<App locale="en-US" />, container);
  return container;
}

const tabs = (popup: HTMLElement) => [...popup.querySelectorAll<HTMLButtonElement>('[role=tab]')];
const selectedTab = (popup: HTMLElement) => popup.querySelector<HTMLElement>('[role=tab][aria-selected=true]')!;
const panel = (popup: HTMLElement) => popup.querySelector<HTMLElement>('[role=tabpanel]')!;
const credits = (popup: HTMLElement) => panel(popup).querySelector('.credits')?.textContent ?? null;
const press = (key: string) =>
  document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the popup with several accounts', () => {
  beforeEach(seedThree);

  it('lists every account with its name, credits left and a word for its state', async () => {
    const popup = await openPopup();
    expect(popup.querySelector('[role=tablist]')!.getAttribute('aria-label')).toBe('Accounts');
    expect(tabs(popup).map((tab) => tab.textContent)).toEqual([
      'Client A 1,080 left ',
      'Client B 90 left low',
      'Client C  key rejected',
    ]);
  });

  it('draws every account’s row and the chosen one’s numbers in its first frame', async () => {
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    const popup = await openPopup();
    // Rendered synchronously: nothing waited for a second read.
    expect(tabs(popup).map((tab) => tab.querySelector('.account-tab-credits')?.textContent ?? null)).toEqual([
      '1,080 left',
      '90 left',
      null,
    ]);
    expect(credits(popup)).toBe('90');
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('opens on the account the badge shows: the one that runs out first', async () => {
    const popup = await openPopup();
    expect(selectedTab(popup).textContent).toContain('Client B');
    expect(credits(popup)).toBe('90');
    expect(panel(popup).getAttribute('aria-labelledby')).toBe(selectedTab(popup).id);
  });

  it('opens on the account the badge is set to show', async () => {
    await insightSettingsItem.set({ ...DEFAULT_INSIGHT_SETTINGS, badgeAccount: 'a0' });
    const popup = await openPopup();
    expect(selectedTab(popup).textContent).toContain('Client A');
    expect(credits(popup)).toBe('1,080');
  });

  it('opens on the account shown last, while it is listed', async () => {
    await popupAccountItem.set('a2');
    const popup = await openPopup();
    expect(selectedTab(popup).textContent).toContain('Client C');
    expect(panel(popup).textContent).toContain('FluxImage rejected the API key');
    expect(panel(popup).querySelector('.refresh')).toBeNull();
  });

  it('opens the options page on the shown account’s Replace key form to update its rejected key', async () => {
    await popupAccountItem.set('a2');
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    vi.spyOn(window, 'close').mockImplementation(() => undefined);
    const popup = await openPopup();
    const update = panel(popup).querySelector<HTMLButtonElement>('button.primary')!;
    expect(update.textContent).toBe('Update your key');
    update.click();
    await vi.waitFor(() => expect(create).toHaveBeenCalled());
    expect(create.mock.calls[0]![0].url).toMatch(/\/options\.html#account=a2&replace$/);
  });

  it('opens on the badge’s account when the one shown last was removed', async () => {
    await popupAccountItem.set('a7');
    const popup = await openPopup();
    expect(selectedTab(popup).textContent).toContain('Client B');
  });

  it('keeps one tab in the Tab order: the selected one', async () => {
    const popup = await openPopup();
    expect(tabs(popup).map((tab) => tab.tabIndex)).toEqual([-1, 0, -1]);
  });

  it.each([
    ['ArrowDown', 'Client C'],
    ['ArrowRight', 'Client C'],
    ['ArrowUp', 'Client A'],
    ['ArrowLeft', 'Client A'],
    ['Home', 'Client A'],
    ['End', 'Client C'],
  ])('moves with %s to %s, focus and selection together', async (key, name) => {
    const popup = await openPopup();
    selectedTab(popup).focus();
    press(key);
    await settle();
    expect(selectedTab(popup).textContent).toContain(name);
    expect(document.activeElement).toBe(selectedTab(popup));
    expect(tabs(popup).filter((tab) => tab.tabIndex === 0)).toEqual([selectedTab(popup)]);
  });

  it('wraps round from the last account to the first and back', async () => {
    await popupAccountItem.set('a2');
    const popup = await openPopup();
    selectedTab(popup).focus();
    press('ArrowDown');
    await settle();
    expect(selectedTab(popup).textContent).toContain('Client A');
    press('ArrowUp');
    await settle();
    expect(selectedTab(popup).textContent).toContain('Client C');
  });

  it('shows the chosen account’s numbers, and remembers it for the next opening', async () => {
    const popup = await openPopup();
    tabs(popup)[0]!.click();
    await settle();
    expect(credits(popup)).toBe('1,080');
    expect(panel(popup).textContent).toContain('120 of 1,000');
    expect(await popupAccountItem.get()).toBe('a0');
    tabs(popup)[1]!.click();
    await settle();
    expect(credits(popup)).toBe('90');
    expect(await popupAccountItem.get()).toBe('a1');
  });

  it('refreshes the account shown when Refresh is clicked', async () => {
    await pollStatusItems('a0').set({ kind: 'ok', checkedAt: now - 120_000, nextAt: now + 900_000 });
    await popupAccountItem.set('a1');
    const popup = await openPopup();
    await settle();
    expect(refreshes).toEqual([]);
    tabs(popup)[0]!.click();
    // Shown, and last checked two minutes ago: it is checked as when the popup opens on it.
    await vi.waitFor(() => expect(refreshes).toEqual([{ account: 'a0' }]));
    await settle();
    panel(popup).querySelector<HTMLButtonElement>('button.refresh')!.click();
    await vi.waitFor(() => expect(refreshes).toEqual([{ account: 'a0' }, { account: 'a0' }]));
  });

  it('follows a new reading of an account while open', async () => {
    const popup = await openPopup();
    await snapshotItems('a1').set({ usage: usage({ remainingCredits: 0, creditsUsed: 1000 }), fetchedAt: now });
    await vi.waitFor(() => expect(credits(popup)).toBe('0'));
    expect(selectedTab(popup).textContent).toContain('used up');
  });
});

describe('the popup with one account', () => {
  it('is the account’s details alone, with no list', async () => {
    await accountsItem.set([{ id: 'a0', name: null, addedAt: 1 }]);
    await apiKeyItems('a0').set(KEY);
    await snapshotItems('a0').set({ usage: usage(), fetchedAt: now });
    await pollStatusItems('a0').set({ kind: 'ok', checkedAt: now, nextAt: now + 900_000 });
    const popup = await openPopup();
    expect(popup.querySelector('[role=tablist]')).toBeNull();
    expect(popup.querySelector('[role=tabpanel]')).toBeNull();
    expect(popup.querySelector('.credits')!.textContent).toBe('1,080');
  });
});

describe('Update your key with one account', () => {
  it('opens the options page on that account’s Replace key form', async () => {
    await accountsItem.set([{ id: 'a0', name: null, addedAt: 1 }]);
    await apiKeyItems('a0').set(KEY);
    await pollStatusItems('a0').set({ kind: 'unauthorized', checkedAt: now, since: now, attempts: 1, nextAt: null });
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    vi.spyOn(window, 'close').mockImplementation(() => undefined);
    const popup = await openPopup();
    const update = popup.querySelector<HTMLButtonElement>('button.primary')!;
    expect(update.textContent).toBe('Update your key');
    update.click();
    await vi.waitFor(() => expect(create).toHaveBeenCalled());
    expect(create.mock.lastCall![0].url).toMatch(/\/options\.html#account=a0&replace$/);
  });
});
