// `npm run bench`: how fast the extension is, measured in Chromium (scripts/browsers.ts picks it)
// against the fake API, next to the physical floor. Prints a table and writes
// .output/bench.json. Timings depend on the machine; the ratios are what matter.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startFakeApi } from '../tests/fake-api/server';
import { browsersOrExit } from './browsers';
import { BUDGETS, measureEntries, zipSize } from './bundle-sizes';
import {
  ROOT,
  buildFor,
  extensionPage,
  launchExtension,
  saveKeyInOptions,
  stopServiceWorker,
} from '../tests/support/extension';
import { simulateDay } from '../tests/support/simulate-day';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const KEY = `flx_live_${'be7c'.repeat(10)}`;

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const sorted = xs.toSorted((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}
const ms = (x: number) => `${x.toFixed(1)} ms`;
const kb = (x: number) => `${(x / 1000).toFixed(1)} kB`;

/**
 * Opens `url` in a fresh tab and reads, from inside the page, when the mark `name`
 * was set (or, for the floor page, when its DOM was ready), relative to navigation start.
 */
async function timeInPage(newPage: () => Promise<Page>, url: string, name: string | null): Promise<number> {
  const page = await newPage();
  await page.goto(url);
  const read = (mark: string | null) => {
    if (mark) return performance.getEntriesByName(mark)[0]?.startTime ?? null;
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return nav && nav.domContentLoadedEventEnd > 0 ? nav.domContentLoadedEventEnd : null;
  };
  const value = await page.waitForFunction(read, name).then((handle) => handle.jsonValue() as Promise<number>);
  await page.close();
  return value;
}

browsersOrExit(['chromium']);
const api = await startFakeApi();
console.log(`Building against the fake API (${api.origin})…`);
const extension = await launchExtension(buildFor(api.origin, 'bench'));
const { context } = extension;
const newPage = () => context.newPage();

await (await saveKeyInOptions(extension, KEY)).close();

console.log(`Opening the popup, the options page and the blank floor page ${RUNS} times each…`);
const samples = { popup: [] as number[], options: [] as number[], blank: [] as number[] };
for (let i = 0; i < RUNS; i += 1) {
  // The floor: an extension page with no script, ready when its DOM is.
  samples.blank.push(await timeInPage(newPage, extension.url('blank.html' as 'popup.html'), null));
  samples.popup.push(await timeInPage(newPage, extension.url('popup.html'), 'fluximage:popup-ready'));
  samples.options.push(await timeInPage(newPage, extension.url('options.html'), 'fluximage:options-ready'));
}

console.log('Measuring layout shift when the refresh answer arrives…');
api.setDelay(300);
api.setUsage({ ia_credits_remaining: 98_765 });
const cls = await (async () => {
  const page = await newPage();
  await page.addInitScript(() => {
    (globalThis as unknown as { cls: number }).cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) (globalThis as unknown as { cls: number }).cls += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(extension.url('popup.html'));
  await page.getByText('98,765').waitFor();
  await page.waitForTimeout(200);
  const value = await page.evaluate(() => (globalThis as unknown as { cls: number }).cls);
  await page.close();
  return value;
})();
api.setDelay(0);

console.log(`Timing ${RUNS} alarm-to-badge polls in the running worker…`);
const warm: number[] = [];
for (let i = 0; i < RUNS; i += 1) {
  // A distinct badge every time, so each poll's answer is seen landing.
  const remaining = 100 + i;
  api.setUsage({ ia_credits_remaining: remaining });
  warm.push(
    await extension.worker.evaluate(async (expected) => {
      type Chrome = {
        alarms: {
          create(name: string, info: { when: number }): Promise<void>;
          onAlarm: { addListener(f: () => void): void };
        };
        action: { getBadgeText(d: object): Promise<string> };
      };
      const { chrome } = globalThis as unknown as { chrome: Chrome };
      // (No named function in here: tsx would wrap it in a helper the worker does not have.
      // Earlier runs' listeners stay registered but only resolve their own, settled promise.)
      const fired = new Promise<number>((resolve) =>
        chrome.alarms.onAlarm.addListener(() => resolve(performance.now())),
      );
      await chrome.alarms.create('poll-usage', { when: Date.now() });
      const firedAt = await fired;
      while ((await chrome.action.getBadgeText({})) !== expected);
      return performance.now() - firedAt;
    }, String(remaining)),
  );
}

const COLD_RUNS = Math.min(RUNS, 10);
console.log(`Timing ${COLD_RUNS} cold starts (worker stopped, then an alarm)…`);
const cold: number[] = [];
for (let i = 0; i < COLD_RUNS; i += 1) {
  const remaining = 500 + i;
  api.setUsage({ ia_credits_remaining: remaining });
  await stopServiceWorker(context);
  const page = await extensionPage(context);
  cold.push(
    await page.evaluate(async (expected) => {
      type Chrome = {
        alarms: { create(name: string, info: { when: number }): Promise<void> };
        action: { getBadgeText(d: object): Promise<string> };
      };
      const { chrome } = globalThis as unknown as { chrome: Chrome };
      const start = performance.now();
      await chrome.alarms.create('poll-usage', { when: Date.now() });
      while ((await chrome.action.getBadgeText({})) !== expected);
      return performance.now() - start;
    }, String(remaining)),
  );
}
await extension.close();

console.log('Simulating a day of polling…');
api.reset();
const day = await simulateDay(api, KEY);
const noKey = await simulateDay(api, null);
api.setFault('server-error');
const outage = await simulateDay(api, KEY);
await api.close();

console.log('Building the production packages for their sizes…');
const env = { ...process.env };
delete env.WXT_FLUXIMAGE_API_URL;
execFileSync('npm', ['run', 'zip', '--silent'], { cwd: ROOT, env, stdio: 'pipe' });
const sizes = measureEntries(join(ROOT, '.output', 'chrome-mv3'));
const version = JSON.parse(
  execFileSync('node', ['-p', 'JSON.stringify(require("./package.json").version)'], { cwd: ROOT }).toString(),
);
const zip = zipSize(join(ROOT, '.output', `fluximage-companion-${version}-chrome.zip`));

const popupMedian = median(samples.popup);
const blankMedian = median(samples.blank);
const results = {
  runs: RUNS,
  popupTimeToNumbers: { median: popupMedian, p95: quantile(samples.popup, 0.95) },
  optionsTimeToInteractive: { median: median(samples.options), p95: quantile(samples.options, 0.95) },
  blankPageFloor: { median: blankMedian, p95: quantile(samples.blank, 0.95) },
  popupToFloorRatio: popupMedian / blankMedian,
  optionsToFloorRatio: median(samples.options) / blankMedian,
  popupLayoutShiftOnRefresh: cls,
  alarmToBadge: { median: median(warm), p95: quantile(warm, 0.95) },
  coldStartToBadge: { median: median(cold), p95: quantile(cold, 0.95), runs: COLD_RUNS },
  bundles: Object.fromEntries(
    sizes.map((s) => [s.entry, { jsGzip: s.js, cssGzip: s.css, budgetJsGzip: BUDGETS[s.entry].js }]),
  ),
  chromeZipBytes: zip,
  requestsPerDay: { normal: day.requests, noKey: noKey.requests, serverOutage: outage.requests },
};

const rows: [string, string][] = [
  [
    'popup time-to-numbers (median / p95)',
    `${ms(results.popupTimeToNumbers.median)} / ${ms(results.popupTimeToNumbers.p95)}`,
  ],
  ['blank page floor (median / p95)', `${ms(blankMedian)} / ${ms(results.blankPageFloor.p95)}`],
  ['popup ÷ floor (median)', `${results.popupToFloorRatio.toFixed(2)}×  (budget ≤ 1.5×)`],
  [
    'options time-to-interactive (median / p95)',
    `${ms(results.optionsTimeToInteractive.median)} / ${ms(results.optionsTimeToInteractive.p95)}`,
  ],
  ['options ÷ floor (median)', `${results.optionsToFloorRatio.toFixed(2)}×`],
  ['popup layout shift when refresh lands', `${cls.toFixed(3)}  (budget 0)`],
  ['alarm → badge, warm worker (median / p95)', `${ms(results.alarmToBadge.median)} / ${ms(results.alarmToBadge.p95)}`],
  [
    `cold start → badge (median / p95, ${COLD_RUNS} runs)`,
    `${ms(results.coldStartToBadge.median)} / ${ms(results.coldStartToBadge.p95)}`,
  ],
  ...sizes.map((s): [string, string] => [
    `${s.entry} JS / CSS (gzip)`,
    `${kb(s.js)} / ${kb(s.css)}  (gate ${kb(BUDGETS[s.entry].js)})`,
  ]),
  ['Chrome zip', kb(zip)],
  ['requests per day: normal / no key / server down', `${day.requests} / ${noKey.requests} / ${outage.requests}`],
];
const width = Math.max(...rows.map(([label]) => label.length));
console.log(`\n| ${'measure'.padEnd(width)} | result |\n|${'-'.repeat(width + 2)}|--------|`);
for (const [label, value] of rows) console.log(`| ${label.padEnd(width)} | ${value} |`);

mkdirSync(join(ROOT, '.output'), { recursive: true });
writeFileSync(join(ROOT, '.output', 'bench.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('\nWritten to .output/bench.json');
