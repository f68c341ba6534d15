// Smoke test in real Firefox ESR: Playwright's runner, driven through puppeteer-core
// over WebDriver BiDi (Playwright's own Firefox build cannot be downloaded here).
import { randomUUID } from 'node:crypto';
import { launch, type Browser, type Page } from 'puppeteer-core';
import { test, expect, KEY } from './fixtures';

// The Firefox global-setup.ts found (or installed) for this run.
const FIREFOX = process.env.FIREFOX_PATH!;
const GECKO_ID = 'companion@fluximage.app';

interface FirefoxExtension {
  browser: Browser;
  open: (page: 'popup.html' | 'options.html') => Promise<Page>;
  badge: (page: Page) => Promise<{ text: string; title: string }>;
}

async function launchFirefox(): Promise<FirefoxExtension> {
  // Fixing the moz-extension:// UUID in advance lets the test address the extension's pages.
  const uuid = randomUUID();
  const browser = await launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    enableExtensions: [process.env.E2E_FIREFOX_EXTENSION_DIR!],
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }) },
    args: ['--remote-allow-system-access'],
  });
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
        type Toolbar = { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> };
        const api = (globalThis as unknown as { browser: { action?: Toolbar; browserAction?: Toolbar } }).browser;
        const toolbar = (api.action ?? api.browserAction)!;
        return { text: await toolbar.getBadgeText({}), title: await toolbar.getTitle({}) };
      }),
  };
}

/** Polls `check` until it returns something truthy; evaluations that land mid-navigation just retry. */
async function waitFor<T>(check: () => Promise<T>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const result = await check().catch(() => undefined);
    if (result) return result;
    if (Date.now() > deadline) throw new Error('timed out waiting in Firefox');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const text = (page: Page) => page.evaluate(() => document.body.innerText);

test('in Firefox ESR: save a key, see the badge and the popup', async ({ api }) => {
  test.setTimeout(90_000);
  api.reset();
  const firefox = await launchFirefox();
  try {
    const options = await firefox.open('options.html');
    await waitFor(() => options.evaluate(() => document.querySelector('#api-key') !== null));
    await options.type('#api-key', KEY);
    await options.click('button[type=submit]');
    await waitFor(() =>
      options.evaluate(() => document.body.innerText.includes('Connected: Pro plan, 1,080 AI credits left.')),
    );
    expect(api.usageRequests()[0]?.authorization).toBe(`Bearer ${KEY}`);

    await expect.poll(async () => (await firefox.badge(options)).text).toBe('1k');
    expect((await firefox.badge(options)).title).toContain('1,080 AI credits left');

    const popup = await firefox.open('popup.html');
    await waitFor(() => popup.evaluate(() => document.body.innerText.includes('1,080')));
    const shown = await text(popup);
    for (const expected of [
      'Pro plan',
      'AI credits left',
      '120 of 1,000 used',
      'Top-up credits',
      '45 used · Unlimited',
      'Compressing: available',
      'AI features: available',
      'Small pack',
      'FluxImage dashboard',
    ]) {
      expect(shown).toContain(expected);
    }
  } finally {
    await firefox.browser.close();
  }
});
