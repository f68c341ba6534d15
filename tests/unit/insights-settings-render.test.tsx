import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InsightsSettings } from '@/entrypoints/options/InsightsSettings';
import type { HistoryPoint } from '@/lib/history';
import { historyItem } from '@/lib/history-item';
import { DEFAULT_INSIGHT_SETTINGS, insightSettingsItem } from '@/lib/insight-settings';
import { snapshotItem } from '@/lib/storage';
import { usage } from './helpers';

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

const field = (page: HTMLElement) => page.querySelector<HTMLInputElement>('#renewal-day')!;
async function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await settle();
}
async function submit(page: HTMLElement) {
  page.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  await settle();
}
async function click(element: HTMLElement) {
  element.click();
  await settle();
}

afterEach(() => {
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('renewal, badge and checks in the options page', () => {
  it('fills in the renewal day detected from the last reset, and says when', async () => {
    await historyItem.set({ points: [point(reset)], resets: [{ before: null, after: reset }] });
    const page = await mount();
    await vi.waitFor(() => expect(field(page).value).toBe('14'));
    expect(page.querySelector('#renewal-day-help')!.textContent).toBe(
      'Detected on Nov 14, when your monthly credits reset.',
    );
  });

  it('keeps a day the user sets over the detected one, and says "Saved" once it is stored', async () => {
    await historyItem.set({ points: [point(reset)], resets: [{ before: null, after: reset }] });
    const page = await mount();
    await vi.waitFor(() => expect(field(page).value).toBe('14'));
    await type(field(page), '20');
    await submit(page);
    await vi.waitFor(() => expect(page.textContent).toContain('Settings saved.'));
    expect((await insightSettingsItem.get()).renewalDay).toBe(20);
    await vi.waitFor(() =>
      expect(page.querySelector('#renewal-day-help')!.textContent).toBe(
        'Set by you. Leave it empty to use the day detected from your resets.',
      ),
    );
  });

  it('saving the detected day unchanged keeps following detection', async () => {
    await historyItem.set({ points: [point(reset)], resets: [{ before: null, after: reset }] });
    const page = await mount();
    await vi.waitFor(() => expect(field(page).value).toBe('14'));
    await submit(page);
    await vi.waitFor(() => expect(page.textContent).toContain('Settings saved.'));
    expect((await insightSettingsItem.get()).renewalDay).toBeNull();
  });

  it('refuses a day outside 1–31 with a clear message, storing nothing', async () => {
    const page = await mount();
    await type(field(page), '32');
    await submit(page);
    await vi.waitFor(() =>
      expect(page.querySelector('[role="alert"]')!.textContent).toBe(
        'Enter a day of the month from 1 to 31, or leave it empty.',
      ),
    );
    expect(field(page).getAttribute('aria-invalid')).toBe('true');
    expect(await insightSettingsItem.get()).toEqual(DEFAULT_INSIGHT_SETTINGS);
  });

  it('says why when the settings could not be stored', async () => {
    vi.spyOn(insightSettingsItem, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const page = await mount();
    await submit(page);
    await vi.waitFor(() =>
      expect(page.querySelector('[role="alert"]')!.textContent).toBe('Could not save: browser storage is full.'),
    );
    expect(page.textContent).not.toContain('Settings saved.');
  });

  it('saves the notification toggles and the check interval', async () => {
    const page = await mount();
    const creditsBack = page.querySelector<HTMLInputElement>('input[name="notify-creditsBack"]')!;
    expect(creditsBack.checked).toBe(false);
    await click(creditsBack);
    const select = page.querySelector<HTMLSelectElement>('#check-every')!;
    expect([...select.options].map((option) => option.textContent)).toEqual([
      '5 minutes',
      '15 minutes',
      '30 minutes',
      '60 minutes',
    ]);
    expect(select.value).toBe('15');
    select.value = '60';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    await submit(page);
    await vi.waitFor(() => expect(page.textContent).toContain('Settings saved.'));
    expect(await insightSettingsItem.get()).toMatchObject({
      notify: { runOut: true, compressionsUsedUp: true, keyRejected: true, creditsBack: true },
      checkEveryMinutes: 60,
    });
  });

  it('offers compressions for the badge only on a plan that limits them', async () => {
    await snapshotItem.set({ usage: usage({ plan: 'pro' }), fetchedAt: reset });
    const unlimited = await mount();
    await vi.waitFor(() => expect(unlimited.querySelector('#check-every')).not.toBeNull());
    expect(unlimited.textContent).not.toContain('The badge shows');

    document.body.replaceChildren();
    await snapshotItem.set({ usage: usage({ plan: 'starter', compressionsLimit: 500 }), fetchedAt: reset });
    const limited = await mount();
    await vi.waitFor(() => expect(limited.textContent).toContain('The badge shows'));
    await click(limited.querySelector<HTMLInputElement>('input[value="compressions"]')!);
    await submit(limited);
    await vi.waitFor(() => expect(limited.textContent).toContain('Settings saved.'));
    expect((await insightSettingsItem.get()).badge).toBe('compressions');
  });
});

describe('usage history download', () => {
  it('says so when there is no history yet', async () => {
    const create = vi.spyOn(URL, 'createObjectURL');
    const page = await mount();
    page.querySelector<HTMLButtonElement>('button[type="button"]')!.click();
    await vi.waitFor(() =>
      expect(page.querySelector('[role="status"]')!.textContent).toBe(
        'No usage history yet: it starts with the next successful check.',
      ),
    );
    expect(create).not.toHaveBeenCalled();
  });

  it('downloads the history as a CSV file', async () => {
    await historyItem.set({
      points: [point(Date.UTC(2026, 10, 14, 9)), point(Date.UTC(2026, 10, 14, 10))],
      resets: [],
    });
    let file: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      file = blob as Blob;
      return 'blob:history';
    });
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const page = await mount();
    await vi.waitFor(() =>
      expect(page.querySelector('#history-help')!.textContent).toBe('2 readings kept on this device since Nov 14.'),
    );
    page.querySelector<HTMLButtonElement>('button[type="button"]')!.click();
    await vi.waitFor(() => expect(clicked).toHaveLength(1));
    expect(clicked[0]!.download).toMatch(/^fluximage-usage-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(clicked[0]!.href).toBe('blob:history');
    expect((await file!.text()).split('\r\n').slice(0, 2)).toEqual([
      'time,ai_credits_remaining,ai_credits_used,ai_credits_monthly,ai_topup_credits,compressions_used,compressions_limit',
      '2026-11-14T09:00:00.000Z,1000,0,1000,0,3,500',
    ]);
  });
});
