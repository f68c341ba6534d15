import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/entrypoints/options/App';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { InsightsSettings } from '@/entrypoints/options/InsightsSettings';
import { FIRST_ACCOUNT } from '@/lib/account/account-id';
import type { HistoryPoint } from '@/lib/history/points';
import { historyItem } from '@/lib/history/stored';
import { insightSettingsItem, renewalDayItems } from '@/lib/foresight/settings';
import { snapshotItem } from '@/lib/account/usage';
import { KEY, usage } from '../helpers';
import { storeAccount } from './options-harness';

const reset = new Date(2026, 10, 14, 0, 20).getTime();
const point = (at: number): HistoryPoint => ({
  at,
  remaining: 1000,
  used: 0,
  monthly: 1000,
  topup: 0,
  compressionsUsed: 3,
  compressionsLimit: 500,
});

/** Lets Preact render and stored values arrive, as they would between a person's actions. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

async function mount() {
  const container = document.createElement('div');
  document.body.append(container);
  render(<InsightsSettings locale="en-US" />, container);
  await settle();
  return container;
}

/** The whole page with one account, whose row holds its renewal day and history. */
async function mountPage() {
  await storeAccount(FIRST_ACCOUNT, KEY, null);
  const container = document.createElement('div');
  document.body.append(container);
  render(<App locale="en-US" />, container);
  await vi.waitFor(() => expect(container.querySelector('#check-every')).not.toBeNull());
  await vi.waitFor(() => expect(container.querySelector('#renewal-day')).not.toBeNull());
  return container;
}
const renewalDay = () => renewalDayItems(FIRST_ACCOUNT).get();

const field = (page: HTMLElement) => page.querySelector<HTMLInputElement>('#renewal-day')!;
/** Types into a field as a person does; nothing is committed until `commit`. */
async function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await settle();
}
/** Leaves the field (or presses Enter): the browser's `change` event. */
async function commit(input: HTMLInputElement) {
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await settle();
}
async function click(element: HTMLElement) {
  element.click();
  await settle();
}
async function choose(select: HTMLSelectElement, value: string) {
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await settle();
}
const badgeChoices = (page: HTMLElement) =>
  [...page.querySelectorAll<HTMLInputElement>('input[name="badge"]')].map((input) => input.value);
/** The badge choice shown as chosen (the property: the DOM's `:checked` lags in happy-dom). */
const checkedBadge = (page: HTMLElement) =>
  [...page.querySelectorAll<HTMLInputElement>('input[name="badge"]')]
    .filter((input) => input.checked)
    .map((input) => input.value);
const noteBeside = (control: Element) =>
  control.closest('.control-row, .renewal-row, fieldset')!.querySelector('.save-note')!;

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('renewal, badge and checks in the options page', () => {
  it('fills in the renewal day detected from the last reset, and says when', async () => {
    await historyItem.set({ points: [point(reset)], resets: [{ before: null, after: reset }] });
    const page = await mountPage();
    await vi.waitFor(() => expect(field(page).value).toBe('14'));
    expect(page.querySelector('#renewal-day-help')!.textContent).toBe(
      'Detected on Nov 14, when your monthly credits reset.',
    );
  });

  it('saves a day the user sets over the detected one once the field is left, and says "Saved"', async () => {
    await historyItem.set({ points: [point(reset)], resets: [{ before: null, after: reset }] });
    const page = await mountPage();
    await vi.waitFor(() => expect(field(page).value).toBe('14'));
    await type(field(page), '20');
    expect(await renewalDay()).toBeNull();
    await commit(field(page));
    await vi.waitFor(() => expect(noteBeside(field(page)).textContent).toBe('Saved'));
    expect(await renewalDay()).toBe(20);
    expect(field(page).value).toBe('20');
    await vi.waitFor(() =>
      expect(page.querySelector('#renewal-day-help')!.textContent).toBe(
        'Set by you. Leave it empty to use the day detected from your resets.',
      ),
    );
  });

  it('saves on Enter too', async () => {
    const page = await mountPage();
    await type(field(page), '3');
    field(page).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    await vi.waitFor(async () => expect(await renewalDay()).toBe(3));
  });

  it('committing the detected day unchanged keeps following detection', async () => {
    await historyItem.set({ points: [point(reset)], resets: [{ before: null, after: reset }] });
    const page = await mountPage();
    await vi.waitFor(() => expect(field(page).value).toBe('14'));
    await type(field(page), '14');
    await commit(field(page));
    await vi.waitFor(() => expect(noteBeside(field(page)).textContent).toBe('Saved'));
    expect(await renewalDay()).toBeNull();
  });

  it('refuses a day outside 1–31 with a clear message, keeping what was typed and storing nothing', async () => {
    const page = await mountPage();
    await type(field(page), '32');
    await commit(field(page));
    await vi.waitFor(() =>
      expect(page.querySelector('[role="alert"]')!.textContent).toBe(
        'Enter a day of the month from 1 to 31, or leave it empty.',
      ),
    );
    expect(field(page).getAttribute('aria-invalid')).toBe('true');
    expect(field(page).value).toBe('32');
    // Another setting saved meanwhile leaves the typed day (and its message) alone.
    await click(page.querySelector<HTMLInputElement>('input[name="notify-creditsBack"]')!);
    await vi.waitFor(async () => expect((await insightSettingsItem.get()).notify.creditsBack).toBe(true));
    expect(field(page).value).toBe('32');
    expect(page.querySelector('[role="alert"]')!.textContent).toBe(
      'Enter a day of the month from 1 to 31, or leave it empty.',
    );
    expect(await renewalDay()).toBeNull();
  });

  it('says why beside the control when its change could not be stored, and shows it as it is', async () => {
    vi.spyOn(insightSettingsItem, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const page = await mount();
    const creditsBack = page.querySelector<HTMLInputElement>('input[name="notify-creditsBack"]')!;
    await click(creditsBack);
    await vi.waitFor(() =>
      expect(noteBeside(creditsBack).textContent).toBe('Could not save: browser storage is full.'),
    );
    expect(noteBeside(creditsBack).getAttribute('role')).toBe('alert');
    expect(creditsBack.checked).toBe(false);
    expect(page.textContent).not.toContain('Saved');
  });

  it('saves each notification toggle and the check interval as they change, no button needed', async () => {
    const page = await mount();
    expect(page.querySelector('button[type="submit"]')).toBeNull();
    const creditsBack = page.querySelector<HTMLInputElement>('input[name="notify-creditsBack"]')!;
    expect(creditsBack.checked).toBe(false);
    await click(creditsBack);
    const select = page.querySelector<HTMLSelectElement>('#check-every')!;
    expect([...select.options].map((option) => option.textContent)).toEqual([
      'Automatic (recommended)',
      '5 minutes',
      '15 minutes',
      '30 minutes',
      '60 minutes',
    ]);
    // Nothing chosen yet: Automatic.
    expect(select.value).toBe('auto');
    await choose(select, '60');
    await vi.waitFor(() => expect(noteBeside(select).textContent).toBe('Saved'));
    expect(await insightSettingsItem.get()).toMatchObject({
      notify: { runOut: true, compressionsUsedUp: true, keyRejected: true, creditsBack: true },
      checkEveryMinutes: 60,
    });
    await choose(select, 'auto');
    await vi.waitFor(async () => expect((await insightSettingsItem.get()).checkEveryMinutes).toBe('auto'));
    expect(select.value).toBe('auto');
    expect(noteBeside(select).textContent).toBe('Saved');
  });

  it('offers the unusual-spending alarm, on by default, and saves turning it off', async () => {
    const page = await mount();
    const toggle = page.querySelector<HTMLInputElement>('input[name="notify-unusualSpending"]')!;
    expect(toggle.closest('label')!.textContent).toBe(
      'When AI credits are spent far faster than usual (a leaked key, a runaway script)',
    );
    expect(toggle.checked).toBe(true);
    await click(toggle);
    await vi.waitFor(async () => expect((await insightSettingsItem.get()).notify.unusualSpending).toBe(false));
    expect(noteBeside(toggle).textContent).toBe('Saved');
  });

  it('says under Check every what Automatic does, leaving out what the browser cannot tell', async () => {
    const help = (page: HTMLElement) =>
      page.querySelector(`#${page.querySelector('#check-every')!.getAttribute('aria-describedby')}`)!;
    expect(help(await mount()).textContent).toBe(
      'Automatic checks more often while your credits go down, as rarely as once an hour while nothing changes or you are away, and again when you come back.',
    );
    document.body.replaceChildren();
    // Firefox for Android has no `idle`: it cannot tell when the person is away or back.
    const { idle } = fakeBrowser;
    Reflect.deleteProperty(fakeBrowser, 'idle');
    try {
      expect(help(await mount()).textContent).toBe(
        'Automatic checks more often while your credits go down, and as rarely as once an hour while nothing changes.',
      );
    } finally {
      Object.assign(fakeBrowser, { idle });
    }
  });

  it('two quick changes, the first slow to store, both land and in their order', async () => {
    const set = insightSettingsItem.set.bind(insightSettingsItem);
    let calls = 0;
    vi.spyOn(insightSettingsItem, 'set').mockImplementation(async (value) => {
      calls += 1;
      if (calls === 1) await new Promise((resolve) => setTimeout(resolve, 40));
      return set(value);
    });
    const page = await mount();
    const select = page.querySelector<HTMLSelectElement>('#check-every')!;
    const runOut = page.querySelector<HTMLInputElement>('input[name="notify-runOut"]')!;
    // The interval twice, and a checkbox between: no waiting for storage.
    select.value = '60';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    runOut.click();
    select.value = '5';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(calls).toBe(3));
    await vi.waitFor(async () =>
      expect(await insightSettingsItem.get()).toMatchObject({ checkEveryMinutes: 5, notify: { runOut: false } }),
    );
    await settle();
    expect(select.value).toBe('5');
    expect(runOut.checked).toBe(false);
  });

  it('offers compressions for the badge only on a plan that limits them', async () => {
    await storeAccount(FIRST_ACCOUNT, KEY, null);
    await snapshotItem.set({ usage: usage({ plan: 'pro' }), fetchedAt: reset });
    const unlimited = await mount();
    await vi.waitFor(() => expect(unlimited.querySelector('#check-every')).not.toBeNull());
    expect(badgeChoices(unlimited)).toEqual(['credits', 'days', 'percent', 'none']);

    document.body.replaceChildren();
    await snapshotItem.set({ usage: usage({ plan: 'starter', compressionsLimit: 500 }), fetchedAt: reset });
    const limited = await mount();
    await vi.waitFor(() => expect(badgeChoices(limited)).toContain('compressions'));
    await click(limited.querySelector<HTMLInputElement>('input[value="compressions"]')!);
    await vi.waitFor(async () => expect((await insightSettingsItem.get()).badge).toBe('compressions'));
  });

  it('offers days left, percent left and no number for the badge, each saved as chosen', async () => {
    await storeAccount(FIRST_ACCOUNT, KEY, null);
    await snapshotItem.set({ usage: usage({ plan: 'pro' }), fetchedAt: reset });
    const page = await mount();
    await vi.waitFor(() => expect(page.textContent).toContain('The badge shows'));
    const legend = [...page.querySelectorAll('legend')].find((element) => element.textContent === 'The badge shows')!;
    expect(legend.parentElement!.textContent).toContain('Days left at this pace (like 9d');
    for (const mode of ['days', 'percent', 'none', 'credits'] as const) {
      await click(page.querySelector<HTMLInputElement>(`input[name="badge"][value="${mode}"]`)!);
      await vi.waitFor(async () => expect((await insightSettingsItem.get()).badge).toBe(mode));
      await vi.waitFor(() => expect(checkedBadge(page)).toEqual([mode]));
    }
  });

  it('shows credits chosen when compressions were chosen on a plan that no longer limits them', async () => {
    await storeAccount(FIRST_ACCOUNT, KEY, null);
    await snapshotItem.set({ usage: usage({ plan: 'pro' }), fetchedAt: reset });
    await insightSettingsItem.set({ ...(await insightSettingsItem.get()), badge: 'compressions' });
    const page = await mount();
    await vi.waitFor(() => expect(badgeChoices(page)).toHaveLength(4));
    expect(checkedBadge(page)).toEqual(['credits']);
  });
});

describe('usage history in the options page', () => {
  it('counts one reading as one', async () => {
    await historyItem.set({ points: [point(Date.UTC(2026, 10, 14, 9))], resets: [] });
    const page = await mountPage();
    await vi.waitFor(() =>
      expect(page.querySelector('#history-help')!.textContent).toBe('1 reading kept on this device since Nov 14.'),
    );
  });

  it("links each account's row to its usage page, where the download moved", async () => {
    await historyItem.set({ points: [point(Date.UTC(2026, 10, 14, 9))], resets: [] });
    const page = await mountPage();
    const link = await vi.waitFor(() => {
      const found = [...page.querySelectorAll('a')].find((a) => a.textContent?.startsWith('Usage history of '));
      expect(found).toBeDefined();
      return found!;
    });
    expect(link.getAttribute('href')).toBe('/usage.html#account=a0');
    expect(link.textContent).toBe(`Usage history of ${page.querySelector('.account h3')!.textContent}`);
    expect(page.textContent).not.toContain('Download usage history (CSV)');
  });
});
