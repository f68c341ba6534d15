// `npm run bench`: how fast the shipped extension is, measured in Chromium (scripts/browsers.ts
// picks it) against the fake API, next to the physical floor of each measure. Prints the
// tables the README's Performance section shows and writes .output/bench.json.
//
// What is measured is the production build (`wxt build`, as `npm run zip` packs it) with one
// change, its API origin: the loopback fake. The floors are generated next to a copy of that
// build in .output/bench/, never in the folder the store zip is made from.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeApi } from '../tests/fake-api/server';
import { browsersOrExit } from './browsers';
import { BUDGETS, measureEntries, zipSize } from './bundle-sizes';
import {
  ROOT,
  buildProductionFor,
  extensionPage,
  launchExtension,
  readBadge,
  saveKeyInOptions,
  stopServiceWorker,
} from '../tests/support/extension';
import { PAGES, timePaint, writeFloorPages, type PageName, type PaintTimes } from './bench/pages';
import { median, ratioOfMedians, summarize, type RatioEstimate, type Summary } from './bench/stats';
import { table, writeBenchJson } from './bench/output';
import { MOMENTS, breakdown } from './bench/trace';
import { floorExtension, probedCopy, startToBadge, type StartToBadge } from './bench/worker-start';

const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const WORKER_RUNS = Number(process.env.BENCH_WORKER_RUNS ?? Math.min(RUNS, 40));
const TRACE_RUNS = Number(process.env.BENCH_TRACE_RUNS ?? Math.min(RUNS, 5));
const WARM_UP = 3;
const WORKER_MOMENTS = [
  { key: 'started', label: 'its script starts running' },
  { key: 'evaluated', label: 'its script evaluated' },
  { key: 'stored', label: 'first storage read answered' },
  { key: 'drawn', label: 'badge drawn' },
] as const;
type WorkerMoment = (typeof WORKER_MOMENTS)[number]['key'];
const KEY = `flx_live_${'be7c'.repeat(10)}`;
const OUT = join(ROOT, '.output', 'bench');

const ms = (x: number) => `${x.toFixed(1)} ms`;
const kb = (x: number) => `${(x / 1000).toFixed(1)} kB`;
const pair = (s: Summary) => `${ms(s.median)} / ${ms(s.p95)}`;

browsersOrExit(['chromium']);
const api = await startFakeApi();
console.log(`Building the production extension against the fake API (${api.origin})…`);
const built = buildProductionFor(api.origin);
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const dir = join(OUT, 'chrome-mv3');
cpSync(built, dir, { recursive: true });
// A page with no script, for calling extension APIs from (extensionPage); production builds drop theirs.
writeFileSync(join(dir, 'blank.html'), '<!DOCTYPE html>\n<html lang="en"><title>Blank</title></html>\n');

const extension = await launchExtension(dir);
const { context } = extension;
const url = (path: string) => `chrome-extension://${extension.id}/${path}`;
await (await saveKeyInOptions(extension, KEY)).close();
const chromiumVersion = await (async () => {
  const session = await context.newCDPSession(await extensionPage(context));
  const { product } = await session.send('Browser.getVersion');
  await session.detach();
  return product.replace(/^\D*/, '');
})();
console.log('Saving the static copies of the popup and the options page…');
await writeFloorPages(context, url, dir);
// One extension page (the one the version was read from) stays open, so every page below
// opens in the extension's running process.

const pageNames = Object.keys(PAGES) as PageName[];
console.log(`Opening each page and its static copy ${RUNS} times, interleaved…`);
const paints: Record<PageName, Record<'page' | 'floor', PaintTimes[]>> = {
  popup: { page: [], floor: [] },
  options: { page: [], floor: [] },
};
for (let i = -WARM_UP; i < RUNS; i += 1) {
  for (const name of pageNames) {
    // Alternate which goes first, so neither always opens on the heels of the other.
    for (const which of i % 2 === 0 ? (['floor', 'page'] as const) : (['page', 'floor'] as const)) {
      const times = await timePaint(context, url, name, which);
      if (i >= 0) paints[name][which].push(times);
    }
  }
}

console.log(`Tracing ${TRACE_RUNS} loads of the popup and of its static copy…`);
const popupBreakdown = await breakdown(context, url, 'popup', 'fluximage:popup-ready', TRACE_RUNS);

console.log('Measuring layout shift when the refresh answer arrives…');
api.setDelay(300);
api.setUsage({ ia_credits_remaining: 98_765 });
const cls = await (async () => {
  const page = await context.newPage();
  await page.addInitScript(() => {
    (globalThis as unknown as { cls: number }).cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
        if (!entry.hadRecentInput) (globalThis as unknown as { cls: number }).cls += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(url('popup.html'));
  await page.locator(PAGES.popup.painted).waitFor();
  // New numbers arrive the way a refresh brings them (the popup's own refresh waits out a 30 s gap).
  await extension.worker.evaluate(() =>
    (
      globalThis as unknown as { chrome: { alarms: { create(n: string, i: object): Promise<void> } } }
    ).chrome.alarms.create('poll-usage', { when: Date.now() }),
  );
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

console.log(`Starting the browser ${WORKER_RUNS} times with the extension, and with the badge floor…`);
api.reset();
const workerDir = probedCopy(dir, join(OUT, 'worker'));
const workerProfile = await (async () => {
  const running = await launchExtension(workerDir);
  await (await saveKeyInOptions(running, KEY)).close();
  const { text } = await readBadge(running.context);
  await running.close({ keepProfile: true });
  return { dir: running.userDataDir, badge: text };
})();
const floorDir = floorExtension(join(OUT, 'worker-floor'), workerProfile.badge);
const floorProfile = mkdtempSync(join(tmpdir(), 'fluximage-floor-'));
const starts = { worker: [] as StartToBadge[], floor: [] as StartToBadge[] };
for (let i = -1; i < WORKER_RUNS; i += 1) {
  for (const which of i % 2 === 0 ? (['floor', 'worker'] as const) : (['worker', 'floor'] as const)) {
    const drawn =
      which === 'worker'
        ? await startToBadge(workerDir, workerProfile.dir)
        : await startToBadge(floorDir, floorProfile);
    if (drawn.text !== workerProfile.badge) {
      throw new Error(`the ${which} drew "${drawn.text}" first, not the stored "${workerProfile.badge}"`);
    }
    if (i >= 0) starts[which].push(drawn);
  }
}
rmSync(workerProfile.dir, { recursive: true, force: true });
rmSync(floorProfile, { recursive: true, force: true });

console.log('Simulating a day of polling…');
api.reset();
// The poller's modules read the build-time API origin, which Vite defines in a build.
(globalThis as { __FLUXIMAGE_API_ORIGIN__?: string }).__FLUXIMAGE_API_ORIGIN__ = api.origin;
const { simulateDay } = await import('../tests/support/simulate-day');
const day = await simulateDay(api, KEY);
const noKey = await simulateDay(api, null);
api.setFault('server-error');
const outage = await simulateDay(api, KEY);
await api.close();

console.log('Building the store packages for their sizes…');
const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
delete env.WXT_FLUXIMAGE_API_URL;
execFileSync('npm', ['run', 'zip', '--silent'], { cwd: ROOT, env, stdio: 'pipe' });
const sizes = measureEntries(join(ROOT, '.output', 'chrome-mv3'));
const version = JSON.parse(
  execFileSync('node', ['-p', 'JSON.stringify(require("./package.json").version)'], { cwd: ROOT }).toString(),
);
const zip = zipSize(join(ROOT, '.output', `fluximage-companion-${version}-chrome.zip`));

interface Comparison {
  measured: Summary;
  floor: Summary;
  ratio: RatioEstimate;
  target?: { median: number; p95?: number };
}
const compare = (measured: number[], floor: number[], target?: Comparison['target']): Comparison => ({
  measured: summarize(measured),
  floor: summarize(floor),
  ratio: ratioOfMedians(measured, floor),
  ...(target && { target }),
});
const of = (name: PageName, which: 'page' | 'floor', key: keyof PaintTimes) => paints[name][which].map((t) => t[key]);

const results = {
  machine: { cores: cpus().length, chromium: chromiumVersion, headless: true },
  runs: { pages: RUNS, workerStarts: WORKER_RUNS, traced: TRACE_RUNS },
  popup: {
    firstContentfulPaint: compare(of('popup', 'page', 'fcp'), of('popup', 'floor', 'fcp')),
    numbersPainted: compare(of('popup', 'page', 'painted'), of('popup', 'floor', 'painted'), {
      median: 1.1,
      p95: 1.3,
    }),
  },
  options: {
    firstContentfulPaint: compare(of('options', 'page', 'fcp'), of('options', 'floor', 'fcp')),
    storedKeyPainted: compare(of('options', 'page', 'painted'), of('options', 'floor', 'painted'), {
      median: 1.15,
    }),
  },
  workerStartToStoredBadge: compare(
    starts.worker.map((start) => start.drawn),
    starts.floor.map((start) => start.drawn),
    { median: 1.2 },
  ),
  workerStartBreakdown: Object.fromEntries(
    (['worker', 'floor'] as const).map((which) => [
      which,
      Object.fromEntries(
        WORKER_MOMENTS.map(({ key }) => {
          const values = starts[which].map((start) => start[key]).filter((v): v is number => v !== undefined);
          return [key, values.length > 0 ? median(values) : undefined];
        }),
      ),
    ]),
  ) as Record<'worker' | 'floor', Partial<Record<WorkerMoment, number>>>,
  popupBreakdown,
  popupLayoutShiftOnRefresh: cls,
  alarmToBadge: summarize(warm),
  coldStartToBadge: { ...summarize(cold), runs: COLD_RUNS },
  bundles: Object.fromEntries(
    sizes.map((s) => [s.entry, { jsGzip: s.js, cssGzip: s.css, budgetJsGzip: BUDGETS[s.entry].js }]),
  ),
  chromeZipBytes: zip,
  requestsPerDay: { normal: day.requests, noKey: noKey.requests, serverOutage: outage.requests },
};

const ratioCell = ({ ratio, target }: Comparison) =>
  `${ratio.median.toFixed(2)}× (${ratio.low.toFixed(2)}–${ratio.high.toFixed(2)}) / ${ratio.p95.toFixed(2)}×` +
  (target ? ` (target ≤ ${target.median.toFixed(2)}×${target.p95 ? ` / ${target.p95.toFixed(1)}×` : ''})` : '');
const comparisonRow = (label: string, floorLabel: string, c: Comparison) => [
  label,
  pair(c.measured),
  `${floorLabel}: ${pair(c.floor)}`,
  ratioCell(c),
];

const machine = `${results.machine.cores} cores, Chromium ${chromiumVersion} headless`;
const paintTable = table(
  [
    'measure (ms from navigation or worker start)',
    'extension: median / p95',
    'floor: median / p95',
    'ratio: median (95% range) / p95',
  ],
  [
    comparisonRow('popup: first contentful paint', 'static copy', results.popup.firstContentfulPaint),
    comparisonRow('popup: numbers painted', 'static copy', results.popup.numbersPainted),
    comparisonRow('options: first contentful paint', 'static copy', results.options.firstContentfulPaint),
    comparisonRow('options: stored key painted (interactive)', 'static copy', results.options.storedKeyPainted),
    comparisonRow('browser start: worker start → stored badge', 'constant badge', results.workerStartToStoredBadge),
  ],
);
const otherTable = table(
  ['measure', 'result'],
  [
    ['alarm → badge, warm worker (median / p95)', pair(results.alarmToBadge)],
    [`worker stopped → alarm → badge (median / p95, ${COLD_RUNS} runs)`, pair(results.coldStartToBadge)],
    ['popup layout shift when the refresh answer lands', cls.toFixed(3)],
    ...sizes.map((s) => [
      `${s.entry} JS / CSS, gzip (gate)`,
      `${kb(s.js)} / ${kb(s.css)} (≤ ${kb(BUDGETS[s.entry].js)})`,
    ]),
    ['Chrome zip', kb(zip)],
    [
      'requests in a day: normal / no key / server down all day',
      `${day.requests} / ${noKey.requests} / ${outage.requests}`,
    ],
  ],
);
const cell = (value: number | undefined) => (value === undefined ? '—' : ms(value));
const breakdownTable = table(
  [`popup load, traced (median of ${TRACE_RUNS})`, 'popup', 'static copy'],
  MOMENTS.map(({ key, label }) => [label, cell(popupBreakdown.page[key]), cell(popupBreakdown.floor[key])]),
);

const workerTable = table(
  [`browser start, worker (median of ${WORKER_RUNS})`, 'extension', 'constant-badge floor'],
  WORKER_MOMENTS.map(({ key, label }) => [
    label,
    cell(results.workerStartBreakdown.worker[key]),
    cell(results.workerStartBreakdown.floor[key]),
  ]),
);

console.log(`\n${machine}; ${RUNS} interleaved runs per page, ${WORKER_RUNS} browser starts each\n`);
console.log(`${paintTable}\n\n${otherTable}\n\n${breakdownTable}\n\n${workerTable}`);
// Next to the freshness figures `npm run bench:freshness` wrote there first.
writeBenchJson(results);
console.log('\nWritten to .output/bench.json');
