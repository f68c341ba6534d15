// The worker after a browser start: how long from the worker's start until the stored
// badge is drawn, against a floor extension whose worker only sets a constant badge.
// Both are run the same way: a plain Chromium started on a kept profile (no automation
// attached while it starts), and the same probe in front of each worker.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumExecutable } from '../browsers';
import { chromiumArgs } from '../../tests/support/extension';

/**
 * Loaded as the service worker in front of the real one: it notes when it starts running,
 * when the worker's script has been evaluated, when the first storage read is answered and
 * when each `setBadgeText` call is done (ms since the worker started), then runs the worker.
 * Both extensions' workers are classic scripts, so `importScripts` runs them in place.
 */
const probe = (worker: string) => `const bench = { started: performance.now(), badges: [] };
globalThis.bench = bench;
const { action, storage } = chrome;
const setBadgeText = action.setBadgeText.bind(action);
action.setBadgeText = (...args) => {
  const done = setBadgeText(...args);
  Promise.resolve(done).then(() => bench.badges.push({ text: args[0].text, at: performance.now() }));
  return done;
};
if (storage) {
  const get = storage.local.get.bind(storage.local);
  storage.local.get = (...args) => {
    const done = get(...args);
    Promise.resolve(done).then(() => (bench.stored ??= performance.now()));
    return done;
  };
}
importScripts(${JSON.stringify(worker)});
bench.evaluated = performance.now();
`;

/** A copy of the built extension `dir` whose worker runs behind the probe. */
export function probedCopy(dir: string, to: string): string {
  rmSync(to, { recursive: true, force: true });
  cpSync(dir, to, { recursive: true });
  const manifestPath = join(to, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  writeFileSync(join(to, 'bench-probe.js'), probe(manifest.background.service_worker));
  manifest.background.service_worker = 'bench-probe.js';
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return to;
}

/** The floor: an extension whose worker does one thing, set the badge to `text`. */
export function floorExtension(to: string, text: string): string {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  const manifest = {
    manifest_version: 3,
    name: 'Badge floor',
    version: '1.0.0',
    action: {},
    background: { service_worker: 'bench-probe.js' },
  };
  writeFileSync(join(to, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(to, 'worker.js'), `chrome.action.setBadgeText({ text: ${JSON.stringify(text)} });\n`);
  writeFileSync(join(to, 'bench-probe.js'), probe('worker.js'));
  return to;
}

/** Moments of one worker start, in ms from the worker's start (its time origin). */
export interface StartToBadge {
  /** The worker's first line ran (its thread is up and its script fetched). */
  started: number;
  /** Its script was evaluated: listeners registered, first reads issued. */
  evaluated: number;
  /** The first storage read was answered (none for the floor). */
  stored?: number;
  /** The first non-empty badge text was set. */
  drawn: number;
  text: string;
}

/** Starts Chromium on `profile` with the extension in `dir`; returns when its worker drew a badge. */
export async function startToBadge(dir: string, profile: string): Promise<StartToBadge> {
  const browserProcess = spawn(
    chromiumExecutable(),
    [...chromiumArgs(dir), '--headless', `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise((resolve) => browserProcess.once('exit', resolve));
  try {
    const endpoint = await new Promise<string>((resolve, reject) => {
      let output = '';
      browserProcess.stderr!.on('data', (chunk) => {
        output += chunk;
        const match = /DevTools listening on (ws:\S+)/.exec(output);
        if (match) resolve(match[1]!);
      });
      browserProcess.once('exit', () => reject(new Error(`Chromium exited before it started:\n${output}`)));
    });
    const browser = await chromium.connectOverCDP(endpoint);
    const context = browser.contexts()[0]!;
    const isOurs = (url: string) => url.startsWith('chrome-extension://');
    const worker =
      context.serviceWorkers().find((w) => isOurs(w.url())) ??
      (await context.waitForEvent('serviceworker', { predicate: (w) => isOurs(w.url()) }));
    for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
      type Probe = Omit<StartToBadge, 'drawn' | 'text'> & { badges: { text: string; at: number }[] };
      const probe = await worker.evaluate(() => (globalThis as unknown as { bench?: Probe }).bench);
      const drawn = probe?.badges.find((call) => call.text !== '');
      if (probe && drawn) {
        const session = await browser.newBrowserCDPSession();
        await session.send('Browser.close').catch(() => undefined);
        const { started, evaluated, stored } = probe;
        return { started, evaluated, ...(stored !== undefined && { stored }), drawn: drawn.at, text: drawn.text };
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`no badge drawn within 10 s by ${dir}`);
  } finally {
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    if (browserProcess.exitCode === null && browserProcess.signalCode === null) browserProcess.kill();
    await exited;
  }
}
