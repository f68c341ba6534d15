// Builds the extension against a given API origin and runs it in the Chromium
// scripts/browsers.ts finds. Shared by the e2e suite, `npm run demo` and `npm run bench`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { chromiumExecutable } from '../../scripts/browsers';

export const ROOT = resolve(import.meta.dirname, '../..');

/** A port nobody is listening on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolvePort(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Builds the extension for `origin` in the given mode; returns its folder. */
export function buildFor(origin: string, mode: string, browser: 'chrome' | 'firefox' = 'chrome'): string {
  execFileSync('npx', ['wxt', 'build', '--mode', mode, '--browser', browser], {
    cwd: ROOT,
    env: { ...process.env, WXT_FLUXIMAGE_API_URL: origin },
    stdio: 'pipe',
  });
  return join(ROOT, '.output', `${browser}-mv3-${mode}`);
}

/**
 * The production build (`wxt build`, what `npm run zip` packs) pointed at a loopback
 * `origin` instead of fluximage.app, and nothing else changed: what `npm run bench` measures.
 * It is written where the store build goes, `.output/chrome-mv3`; returns that folder.
 */
export function buildProductionFor(origin: string): string {
  execFileSync('npx', ['wxt', 'build', '--browser', 'chrome'], {
    cwd: ROOT,
    // Vitest (and some shells) set NODE_ENV, which would make Vite build a development bundle.
    env: { ...process.env, NODE_ENV: 'production', WXT_FLUXIMAGE_API_URL: origin },
    stdio: 'pipe',
  });
  return join(ROOT, '.output', 'chrome-mv3');
}

/** Chromium's command line for a profile running the unpacked extension in `dir`. */
export function chromiumArgs(dir: string, lang = 'en-US'): string[] {
  return [
    `--disable-extensions-except=${dir}`,
    `--load-extension=${dir}`,
    `--lang=${lang}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
}

export interface RunningExtension {
  context: BrowserContext;
  worker: Worker;
  id: string;
  userDataDir: string;
  /** An extension page's address, with a hash if given (`usage.html#account=a1`). */
  url: (page: `${'popup' | 'options' | 'usage'}.html${'' | `#${string}`}`) => string;
  close: (options?: { keepProfile?: boolean }) => Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  lang?: string;
  /** Reopen an existing profile (a browser restart) instead of a fresh one. */
  userDataDir?: string;
}

export async function launchExtension(dir: string, options: LaunchOptions = {}): Promise<RunningExtension> {
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'fluximage-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumExecutable(),
    headless: options.headless ?? true,
    locale: options.lang ?? 'en-US',
    args: chromiumArgs(dir, options.lang),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const id = new URL(worker.url()).host;
  const extension: RunningExtension = {
    context,
    worker,
    id,
    userDataDir,
    url: (page) => `chrome-extension://${id}/${page}`,
    close: async ({ keepProfile = false } = {}) => {
      await context.close();
      if (!keepProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  // A fresh profile opens the options page on install. Until it has, a page opened by a
  // caller can be taken over by it ("navigation interrupted"), so wait for it here.
  if (!options.userDataDir) await (await installTimeOptions(extension, 10_000))?.waitForLoadState();
  return extension;
}

export interface Badge {
  text: string;
  title: string;
  color: [number, number, number, number];
}

interface ChromeToolbar {
  action: {
    getBadgeText(details: object): Promise<string>;
    getTitle(details: object): Promise<string>;
    getBadgeBackgroundColor(details: object): Promise<Badge['color']>;
  };
}

/**
 * An extension page to run extension API calls from. Unlike a worker handle it
 * stays valid while the service worker is stopped and restarted.
 */
export async function extensionPage(context: BrowserContext): Promise<Page> {
  const id = new URL((await currentWorker(context)).url()).host;
  const probe = `chrome-extension://${id}/blank.html`;
  const open = context.pages().find((page) => page.url() === probe);
  if (open) return open;
  const page = await context.newPage();
  await page.goto(probe);
  return page;
}

/** What the toolbar shows, as the extension's own API reports it. */
export async function readBadge(context: BrowserContext): Promise<Badge> {
  const page = await extensionPage(context);
  return page.evaluate(async () => {
    const { action } = (globalThis as unknown as { chrome: ChromeToolbar }).chrome;
    return {
      text: await action.getBadgeText({}),
      title: await action.getTitle({}),
      color: await action.getBadgeBackgroundColor({}),
    };
  });
}

/** The live service worker; a stopped one is woken by the next extension event. */
export async function currentWorker(context: BrowserContext): Promise<Worker> {
  return context.serviceWorkers().at(-1) ?? (await context.waitForEvent('serviceworker'));
}

/**
 * Stops the extension's service worker the way the browser does when it is idle
 * (DevTools protocol `ServiceWorker.stopAllWorkers`); resolves once it is stopped.
 */
export async function stopServiceWorker(context: BrowserContext): Promise<void> {
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  const stopped = new Promise<void>((resolveStopped) => {
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((version) => version.runningStatus === 'stopped')) resolveStopped();
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}

/** The options page the extension opens when installed with no key, or undefined if none opens within `ms`. */
async function installTimeOptions(extension: RunningExtension, ms: number): Promise<Page | undefined> {
  const url = extension.url('options.html');
  for (const deadline = Date.now() + ms; Date.now() < deadline;) {
    const page = extension.context.pages().find((open) => open.url() === url);
    if (page) return page;
    await new Promise((resolveSoon) => setTimeout(resolveSoon, 50));
  }
  return undefined;
}

/** Saves `key` through the options page, as a person would; resolves once FluxImage accepted it. */
export async function saveKeyInOptions(extension: RunningExtension, key: string): Promise<Page> {
  // A fresh profile opens the options page on install, and would take over a second one
  // opened meanwhile ("navigation interrupted"): use that page, as a new user does.
  let options = await installTimeOptions(extension, 10_000);
  if (options) {
    await options.waitForLoadState();
  } else {
    options = await extension.context.newPage();
    await options.goto(extension.url('options.html'));
  }
  await options.locator('#api-key').fill(key);
  await options.locator('button[type=submit]').first().click();
  await options.locator('.notice-success').waitFor();
  return options;
}

/** Writes `items` to the extension's `storage.local`, as if it had been running for a while. */
export async function seedStorage(context: BrowserContext, items: Record<string, unknown>): Promise<void> {
  const page = await extensionPage(context);
  await page.evaluate(async (values) => {
    const { local } = (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } })
      .chrome.storage;
    await local.set(values);
  }, items);
}

type NotificationsApi = { getAll(): Promise<object>; clear(id: string): Promise<boolean> };

/** The ids of the extension's notifications on screen now. */
export async function shownNotifications(context: BrowserContext): Promise<string[]> {
  const page = await extensionPage(context);
  return page.evaluate(async () => {
    const { notifications } = (globalThis as unknown as { chrome: { notifications: NotificationsApi } }).chrome;
    return Object.keys(await notifications.getAll());
  });
}

/** Dismisses one of the extension's notifications, as a person closing it would. */
export async function dismissNotification(context: BrowserContext, id: string): Promise<void> {
  const page = await extensionPage(context);
  await page.evaluate(async (which) => {
    const { notifications } = (globalThis as unknown as { chrome: { notifications: NotificationsApi } }).chrome;
    await notifications.clear(which);
  }, id);
}
