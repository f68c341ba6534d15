// Firefox ESR driven through puppeteer-core over WebDriver BiDi (Playwright's own Firefox
// build cannot be downloaded here): the extension installed, its pages opened, its badge read.
import { randomUUID } from 'node:crypto';
import { launch, type Browser, type Page } from 'puppeteer-core';

// The Firefox global-setup.ts found (or installed) for this run.
const FIREFOX = process.env.FIREFOX_PATH!;
const GECKO_ID = 'companion@fluximage.app';

export interface FirefoxExtension {
  browser: Browser;
  open: (page: `${'popup' | 'options' | 'usage'}.html${'' | `#${string}`}`) => Promise<Page>;
  badge: (page: Page) => Promise<{ text: string; title: string; color: number[] }>;
}

export async function launchFirefox(): Promise<FirefoxExtension> {
  // Fixing the moz-extension:// UUID in advance lets the test address the extension's pages.
  const uuid = randomUUID();
  const browser = await launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    enableExtensions: true,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      // Headless Firefox has no system notification service to show the low-credit alert with.
      'alerts.useSystemBackend': false,
      // No one can click a doorhanger headless: permissions.request (from a real click) is granted as if accepted.
      'extensions.webextOptionalPermissionPrompts': false,
    },
    args: ['--remote-allow-system-access'],
    // Firefox's first start on a busy 2-core machine was seen to take over puppeteer's default 30 s.
    timeout: 90_000,
  });
  // Launching with the extension listed does not wait for it to be installed; this does.
  await browser.installExtension(process.env.E2E_FIREFOX_EXTENSION_DIR!);
  // The add-on opens its options page on install; let that happen before a test opens pages,
  // or it can take over one of them.
  const installTab = `moz-extension://${uuid}/options.html`;
  await waitFor(async () => (await browser.pages()).some((page) => page.url() === installTab), 5_000).catch(
    () => undefined,
  );
  return {
    browser,
    open: async (name) => {
      const page = await browser.newPage();
      const url = `moz-extension://${uuid}/${name}`;
      // Firefox's BiDi never reports a load event for extension pages: wait on the page itself.
      void page.goto(url).catch(() => undefined);
      await waitFor(() =>
        page.evaluate((expected) => location.href === expected && document.readyState === 'complete', url),
      );
      return page;
    },
    badge: (page) =>
      page.evaluate(async () => {
        type Toolbar = {
          getBadgeText(d: object): Promise<string>;
          getTitle(d: object): Promise<string>;
          getBadgeBackgroundColor(d: object): Promise<number[]>;
        };
        const { action } = (globalThis as unknown as { browser: { action: Toolbar } }).browser;
        return {
          text: await action.getBadgeText({}),
          title: await action.getTitle({}),
          color: await action.getBadgeBackgroundColor({}),
        };
      }),
  };
}

/** Polls `check` until it returns something truthy; evaluations that land mid-navigation just retry. */
export async function waitFor<T>(check: () => Promise<T>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check().catch(() => undefined);
    if (result) return result;
    if (Date.now() > deadline) throw new Error('timed out waiting in Firefox');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const text = (page: Page) => page.evaluate(() => document.body.innerText);

/**
 * Types a key in the options page and submits it. Retried as a whole: the tab the add-on
 * opens itself at install can still be loading and replace the page under the test.
 */
export async function submitKey(options: Page, key: string) {
  await waitFor(async () => {
    await options.evaluate(() => {
      (document.querySelector('#api-key') as HTMLInputElement).value = '';
    });
    await options.type('#api-key', key);
    await options.click('button[type=submit]');
    return true;
  });
}

export const storedKey = (page: Page) =>
  page.evaluate(async () => {
    type Local = { get(key: string): Promise<{ apiKey?: string }> };
    const { local } = (globalThis as unknown as { browser: { storage: { local: Local } } }).browser.storage;
    return (await local.get('apiKey')).apiKey ?? null;
  });

/** Waits until `page` shows `words` somewhere in its text. */
export const waitForText = (page: Page, words: string) =>
  waitFor(() => page.evaluate((expected) => document.body.innerText.includes(expected), words));

/** Runs `use` with Firefox and the extension installed, and closes Firefox whatever happens. */
export async function withFirefox(use: (firefox: FirefoxExtension) => Promise<void>): Promise<void> {
  const firefox = await launchFirefox();
  try {
    await use(firefox);
  } finally {
    await firefox.browser.close();
  }
}

/** Moves the last check `ms` into the past, as if time had passed (a refresh asks only after a gap). */
export const ageLastCheck = (page: Page, ms = 60_000) =>
  page.evaluate(async (by) => {
    type Local = {
      get(key: string): Promise<{ pollStatus?: { checkedAt: number } }>;
      set(value: object): Promise<void>;
    };
    const { local } = (globalThis as unknown as { browser: { storage: { local: Local } } }).browser.storage;
    const { pollStatus } = await local.get('pollStatus');
    if (pollStatus) await local.set({ pollStatus: { ...pollStatus, checkedAt: pollStatus.checkedAt - by } });
  }, ms);

/** Takes the host permission for `origins` away, as the add-on manager's switch does. */
export const revokeAccess = (page: Page, origins: string[]) =>
  page.evaluate(async (remove) => {
    type Permissions = { remove(p: { origins: string[] }): Promise<boolean> };
    await (globalThis as unknown as { browser: { permissions: Permissions } }).browser.permissions.remove({
      origins: remove,
    });
  }, origins);

/** Clicks the button whose text is exactly `label` (the first, or the first inside `within`). */
export const clickButton = (page: Page, label: string, within = 'body') =>
  page.evaluate(
    (text, scope) =>
      [...document.querySelectorAll(`${scope} button`)]
        .find((button) => button.textContent?.trim() === text)!
        .dispatchEvent(new MouseEvent('click', { bubbles: true })),
    label,
    within,
  );

/** Opens account `account`'s Replace key form, types `key` and saves it, as a person would. */
export async function replaceKeyIn(options: Page, account: string, key: string) {
  await waitFor(async () => {
    if (!(await options.$(`#api-key-${account}`))) await clickButton(options, 'Replace key', `#account-${account}`);
    await options.waitForSelector(`#api-key-${account}`);
    await options.evaluate((id) => {
      (document.getElementById(id) as HTMLInputElement).value = '';
    }, `api-key-${account}`);
    await options.type(`#api-key-${account}`, key);
    await clickButton(options, 'Save new key', `#account-${account}`);
    return true;
  });
}
