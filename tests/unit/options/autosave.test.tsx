import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/entrypoints/options/App';
import { DEFAULT_INSIGHT_SETTINGS, insightSettingsItem } from '@/lib/foresight/settings';
import { settingsItem } from '@/lib/alerts/settings';

/** Lets Preact render and stored values arrive, as they would between a person's actions. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

async function openOptions() {
  const container = document.createElement('div');
  document.body.append(container);
  render(<App locale="en-US" />, container);
  await vi.waitFor(() => expect(container.querySelector('#check-every')).not.toBeNull());
  return container;
}

const threshold = (page: HTMLElement) => page.querySelector<HTMLInputElement>('#threshold')!;
async function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await settle();
}
/** Leaving the field: the browser's `change` event. */
async function leave(input: HTMLElement) {
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await settle();
}
const leavingIsQuestioned = () => {
  const event = new Event('beforeunload', { cancelable: true });
  dispatchEvent(event);
  return event.defaultPrevented;
};

afterEach(() => {
  render(null, document.body);
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

describe('options that save themselves', () => {
  it('keeps both the threshold and the check interval, changed one after the other, with no Save pressed', async () => {
    const page = await openOptions();
    await type(threshold(page), '50');
    await leave(threshold(page));
    const interval = page.querySelector<HTMLSelectElement>('#check-every')!;
    interval.value = '60';
    await leave(interval);
    await vi.waitFor(async () => {
      expect((await settingsItem.get()).threshold).toBe(50);
      expect((await insightSettingsItem.get()).checkEveryMinutes).toBe(60);
    });
    expect(page.querySelector('button[type="submit"]')!.textContent).toBe('Save');
    expect(page.querySelectorAll('button[type="submit"]')).toHaveLength(1);
    expect([...page.querySelectorAll('.save-note')].map((note) => note.textContent)).toContain('Saved');
  });

  it('reads a threshold written the way the page’s language groups thousands', async () => {
    const page = await openOptions();
    await type(threshold(page), '1,000');
    await leave(threshold(page));
    await vi.waitFor(async () => expect((await settingsItem.get()).threshold).toBe(1000));
    expect(threshold(page).value).toBe('1000');
  });

  it('refuses a threshold that is not a whole number: says so, keeps it, stores nothing, until it is fixed', async () => {
    const page = await openOptions();
    await type(threshold(page), 'ten');
    await leave(threshold(page));
    expect(page.querySelector('[role="alert"]')!.textContent).toBe(
      'Enter a whole number of credits, 1 or more, or leave it empty for the default.',
    );
    expect(threshold(page).getAttribute('aria-invalid')).toBe('true');
    expect(threshold(page).value).toBe('ten');
    expect(await settingsItem.get()).toEqual({ threshold: null, notifications: true });

    await type(threshold(page), '10');
    await leave(threshold(page));
    await vi.waitFor(async () => expect((await settingsItem.get()).threshold).toBe(10));
    expect(page.querySelector('[role="alert"]')).toBeNull();
    expect(threshold(page).getAttribute('aria-invalid')).toBe('false');
  });

  it('asks before leaving the page while a typed threshold is not stored, and not once it is', async () => {
    const page = await openOptions();
    expect(leavingIsQuestioned()).toBe(false);
    await type(threshold(page), '25');
    expect(leavingIsQuestioned()).toBe(true);
    await leave(threshold(page));
    await vi.waitFor(async () => expect((await settingsItem.get()).threshold).toBe(25));
    await settle();
    expect(leavingIsQuestioned()).toBe(false);
  });

  it('keeps what is being typed when another window changes the settings, and shows that change', async () => {
    const page = await openOptions();
    await type(threshold(page), '75');
    // Another options window turns notifications off.
    await settingsItem.set({ threshold: null, notifications: false });
    await settle();
    expect(threshold(page).value).toBe('75');
    expect(page.querySelector<HTMLInputElement>('input[type="checkbox"]')!.checked).toBe(false);
    await leave(threshold(page));
    await vi.waitFor(async () => expect(await settingsItem.get()).toEqual({ threshold: 75, notifications: false }));
  });

  it('leaves the other settings as they are when one is saved', async () => {
    await insightSettingsItem.set({ ...DEFAULT_INSIGHT_SETTINGS, badge: 'compressions', checkEveryMinutes: 30 });
    const page = await openOptions();
    const creditsBack = page.querySelector<HTMLInputElement>('input[name="notify-creditsBack"]')!;
    creditsBack.click();
    await vi.waitFor(async () => expect((await insightSettingsItem.get()).notify.creditsBack).toBe(true));
    expect(await insightSettingsItem.get()).toMatchObject({ badge: 'compressions', checkEveryMinutes: 30 });
  });
});
