// Where a page's time goes, from Chrome's tracing (CDP `Tracing`): when its HTML was parsed,
// its modules evaluated, storage answered, the numbers reached the DOM and were painted.
import type { BrowserContext } from '@playwright/test';
import { median } from './stats';
import { timePaintIn, type PageName } from './pages';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
}

// What DevTools' performance panel records (its 'RunTask' events are the main thread's tasks).
const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8',
  'v8.execute',
  'loading',
  'toplevel',
];

/** Moments of one page load, in ms from its navigation start; undefined where a page has no such moment. */
export interface LoadMoments {
  domInteractive: number;
  /** The entry module's evaluation (imports included) ended. */
  entryEvaluated?: number;
  /** The task that renders the numbers began: storage had answered. */
  renderTaskStart?: number;
  /** The page's own mark: the numbers are in the DOM. */
  rendered?: number;
  domContentLoaded: number;
  fcp: number;
  painted: number;
  /** Main-thread time spent in tasks until the numbers were painted. */
  mainThreadBusy: number;
}

export const MOMENTS: { key: keyof LoadMoments; label: string }[] = [
  { key: 'domInteractive', label: 'DOM interactive (HTML parsed)' },
  { key: 'entryEvaluated', label: 'module graph loaded and evaluated' },
  { key: 'domContentLoaded', label: 'DOMContentLoaded' },
  { key: 'renderTaskStart', label: 'storage read answered (render starts)' },
  { key: 'rendered', label: 'numbers in the DOM' },
  { key: 'fcp', label: 'first contentful paint' },
  { key: 'painted', label: 'numbers painted' },
  { key: 'mainThreadBusy', label: 'main thread busy until then' },
];

async function traceOnce(
  context: BrowserContext,
  url: (path: string) => string,
  name: PageName,
  which: 'page' | 'floor',
  mark: string | undefined,
): Promise<LoadMoments> {
  const events: TraceEvent[] = [];
  let session: Awaited<ReturnType<BrowserContext['newCDPSession']>> | undefined;
  const times = await timePaintIn(context, url, name, which, {
    before: async (page) => {
      session = await context.newCDPSession(page);
      session.on('Tracing.dataCollected', ({ value }) => events.push(...(value as unknown as TraceEvent[])));
      await session.send('Tracing.start', {
        transferMode: 'ReportEvents',
        traceConfig: { includedCategories: CATEGORIES },
      });
    },
    after: async (page) => {
      const nav = await page.evaluate(() => {
        const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return { domInteractive: entry.domInteractive, domContentLoaded: entry.domContentLoadedEventEnd };
      });
      const rendered = mark
        ? await page.evaluate((mark) => performance.getEntriesByName(mark)[0]?.startTime, mark)
        : undefined;
      const complete = new Promise((resolve) => session!.once('Tracing.tracingComplete', resolve));
      await session!.send('Tracing.end');
      await complete;
      return { ...nav, rendered };
    },
  });
  if (process.env.BENCH_TRACE_DUMP)
    (await import('node:fs')).writeFileSync(process.env.BENCH_TRACE_DUMP, JSON.stringify(events));
  const interactive = events.find((e) => e.name === 'domInteractive');
  // The tab's first about:blank document has a navigation start too: take the page's, the last before it.
  const start = events
    .filter((e) => e.name === 'navigationStart' && e.cat.includes('blink.user_timing'))
    .findLast((e) => interactive && e.ts <= interactive.ts);
  if (!start || !interactive) throw new Error('the trace has no navigation of the page');
  const at = (ts: number) => (ts - start.ts) / 1000;
  const main = events.filter((e) => e.pid === interactive.pid && e.tid === interactive.tid && e.ts >= start.ts);
  const tasks = main.filter((e) => e.name === 'RunTask' && e.ph === 'X');
  const evaluations = main.filter((e) => e.name === 'v8.evaluateModule' && e.ph === 'X');
  const rendered = times.extra.rendered;
  const renderTask =
    rendered === undefined
      ? undefined
      : tasks.find((task) => at(task.ts) <= rendered && at(task.ts + task.dur!) >= rendered);
  const busy = tasks
    .filter((task) => at(task.ts) < times.painted)
    .reduce((sum, task) => sum + Math.min(task.dur! / 1000, times.painted - at(task.ts)), 0);
  return {
    domInteractive: times.extra.domInteractive,
    entryEvaluated: evaluations[0] ? at(evaluations[0].ts + evaluations[0].dur!) : undefined,
    renderTaskStart: renderTask ? at(renderTask.ts) : undefined,
    rendered,
    domContentLoaded: times.extra.domContentLoaded,
    fcp: times.fcp,
    painted: times.painted,
    mainThreadBusy: busy,
  };
}

export type Breakdown = Record<'page' | 'floor', Partial<Record<keyof LoadMoments, number>>>;

/** Medians over `runs` traced loads of the page and of its static copy, interleaved. */
export async function breakdown(
  context: BrowserContext,
  url: (path: string) => string,
  name: PageName,
  mark: string | undefined,
  runs: number,
): Promise<Breakdown> {
  const loads: Record<'page' | 'floor', LoadMoments[]> = { page: [], floor: [] };
  for (let i = 0; i < runs; i += 1) {
    loads.floor.push(await traceOnce(context, url, name, 'floor', undefined));
    loads.page.push(await traceOnce(context, url, name, 'page', mark));
  }
  const medians = (list: LoadMoments[]) =>
    Object.fromEntries(
      MOMENTS.map(({ key }) => {
        const values = list.map((load) => load[key]).filter((value): value is number => value !== undefined);
        // A moment can be missing from a load (no task found around the mark, say): the median of the rest.
        return [key, values.length > 0 ? median(values) : undefined];
      }),
    );
  return { page: medians(loads.page), floor: medians(loads.floor) };
}
