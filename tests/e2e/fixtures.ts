import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { extensionPage, launchExtension, readBadge, type RunningExtension } from '../support/extension';
import { startFakeApi, type FakeApi } from '../fake-api/server';

import { KEY } from '../support/keys';

export { KEY };

interface Fixtures {
  extension: RunningExtension;
  openPopup: () => Promise<Page>;
  openOptions: () => Promise<Page>;
  saveKey: (key?: string) => Promise<Page>;
  badge: () => ReturnType<typeof readBadge>;
}

export const test = base.extend<Fixtures, { api: FakeApi }>({
  api: [
    async ({}, use) => {
      const api = await startFakeApi({ port: Number(process.env.FAKE_API_PORT) });
      await use(api);
      await api.close();
    },
    { scope: 'worker' },
  ],
  extension: async ({ api }, use) => {
    api.reset();
    const extension = await launchExtension(process.env.E2E_EXTENSION_DIR!);
    // Let the install-time options tab open first, so it cannot take over a page a test opens.
    await expect
      .poll(() => extension.context.pages().some((page) => page.url() === extension.url('options.html')))
      .toBe(true);
    await use(extension);
    await extension.close();
  },
  openPopup: async ({ extension }, use) => {
    await use(async () => {
      const page = await extension.context.newPage();
      await page.goto(extension.url('popup.html'));
      // The page a person is looking at has the keyboard focus; its app renders once storage answered.
      await page.bringToFront();
      await page.locator('#app > *').first().waitFor();
      return page;
    });
  },
  openOptions: async ({ extension }, use) => {
    await use(async () => {
      const page = await extension.context.newPage();
      await page.goto(extension.url('options.html'));
      // The page draws once storage has answered (its stored values in the first frame), which can be just after `load`.
      await page.getByRole('heading', { level: 1 }).waitFor();
      // The page a person is looking at has the keyboard focus.
      await page.bringToFront();
      return page;
    });
  },
  saveKey: async ({ openOptions }, use) => {
    await use(async (key = KEY) => {
      const page = await openOptions();
      await typeKey(page, key);
      return page;
    });
  },
  badge: async ({ extension }, use) => {
    await use(() => readBadge(extension.context));
  },
});

export { expect };

/** The default name of the account holding `KEY` (the plan and the key's last four characters). */
export const KEY_ACCOUNT = 'Pro ··b2c1';

/** The row of the account called `name` (its heading names the list item). */
export const accountRow = (page: Page, name: string) => page.getByRole('listitem', { name, exact: true });

/**
 * Sends `key` as the new key of the account called `name`, as a person does: Replace key
 * (unless its form is open already), the "New API key for <name>" field, Save new key.
 * Returns that form, whose notice says how it went (found by the row's id: a default name
 * changes with the key); it does not wait for the answer.
 */
export async function replaceKey(page: Page, name: string, key: string) {
  const row = accountRow(page, name);
  const form = page.locator(`#${await row.getAttribute('id')} .replace-key`);
  const field = row.getByLabel(`New API key for ${name}`, { exact: true });
  if ((await field.count()) === 0) await row.getByRole('button', { name: 'Replace key', exact: true }).click();
  await field.fill(key);
  await row.getByRole('button', { name: 'Save new key', exact: true }).click();
  return form;
}

/** Removes the account called `name`: Remove, then the confirming "Remove <name>". Does not wait for it. */
export async function removeAccount(page: Page, name: string) {
  const row = accountRow(page, name);
  await row.getByRole('button', { name: 'Remove', exact: true }).click();
  await row.getByRole('button', { name: `Remove ${name}`, exact: true }).click();
}

/**
 * Sends `key` to be saved as the only account's key: in the first-run form when there is
 * no account yet, else with that account's Replace key. Returns the form, whose notice says
 * how it went; it does not wait for the answer.
 */
export async function enterKey(page: Page, key: string) {
  const rows = page.locator('.account');
  if ((await rows.count()) === 1) return replaceKey(page, (await rows.locator('h3').textContent())!, key);
  await page.getByLabel('API key', { exact: true }).fill(key);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  return page.locator('.add-account');
}

/** `enterKey`, done when the form has said how it went: connected, rejected, malformed or unreachable. */
export async function typeKey(page: Page, key: string) {
  const form = await enterKey(page, key);
  await form.locator('.notice-success, .notice-error, .notice-warning').waitFor();
}

/** Waits until the badge shows `text`, for a poll that is on its way. */
export async function expectBadge(badge: Fixtures['badge'], text: string) {
  await expect.poll(async () => (await badge()).text).toBe(text);
}

type ChromeInPage = {
  chrome: {
    alarms: { create(name: string, info: { when: number }): Promise<void> };
    storage: {
      local: { get(key: string | null): Promise<Record<string, unknown>> };
      sync: { get(key: null): Promise<object> };
    };
  };
};

/** Fires the poll alarm now, as the browser would when it comes due. */
export async function firePollAlarm(context: RunningExtension['context']) {
  const page = await extensionPage(context);
  await page.evaluate(async () => {
    const { chrome } = globalThis as unknown as ChromeInPage;
    await chrome.alarms.create('poll-usage', { when: Date.now() });
  });
}

/** When the poll alarm is due (ms since 1970), or `null` when no poll is scheduled. */
export async function pollAlarmTime(context: RunningExtension['context']): Promise<number | null> {
  const page = await extensionPage(context);
  return page.evaluate(async () => {
    type Alarms = { get(name: string): Promise<{ scheduledTime: number } | undefined> };
    const { alarms } = (globalThis as unknown as { chrome: { alarms: Alarms } }).chrome;
    return (await alarms.get('poll-usage'))?.scheduledTime ?? null;
  });
}

/** Everything the extension keeps, straight from storage. */
export async function storedData(context: RunningExtension['context']) {
  const page = await extensionPage(context);
  return page.evaluate(async () => {
    const { chrome } = globalThis as unknown as ChromeInPage;
    return { local: await chrome.storage.local.get(null), sync: await chrome.storage.sync.get(null) };
  });
}

/** Closes every options tab, so a test can watch a new one being opened. */
export async function closeOptionsTabs(extension: RunningExtension) {
  for (const page of extension.context.pages()) {
    if (page.url() === extension.url('options.html')) await page.close();
  }
}

/**
 * Moves the last check `ms` into the past, as if time had passed: a person may ask
 * for a refresh only some time after the last check.
 */
export async function ageLastCheck(context: RunningExtension['context'], ms = 60_000) {
  const page = await extensionPage(context);
  await page.evaluate(async (by) => {
    type Local = {
      get(key: string): Promise<Record<string, { checkedAt: number } | undefined>>;
      set(v: object): Promise<void>;
    };
    const { local } = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage;
    const { pollStatus } = await local.get('pollStatus');
    if (pollStatus) await local.set({ pollStatus: { ...pollStatus, checkedAt: pollStatus.checkedAt - by } });
  }, ms);
}

/** axe finds nothing on `page`, in light and in dark; `state` names what is shown. */
export async function expectNoViolations(page: Page, state: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    const summary = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(summary, `${state}, ${colorScheme}`).toEqual([]);
  }
}
