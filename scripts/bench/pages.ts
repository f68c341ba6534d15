// The extension's pages against their physical floor: a copy of each page's own
// rendered DOM and stylesheets saved as an extension page with no script. Both are
// timed the same way, in the page, from its navigation start.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';

/** Each page, its script-free copy, and the element whose paint means "the user sees it". */
export const PAGES = {
  popup: {
    page: 'popup.html',
    floor: 'popup-static.html',
    /** The remaining-credits figure. */
    painted: '.credits',
  },
  options: {
    page: 'options.html',
    floor: 'options-static.html',
    /** The saved key's masked line: drawn once storage is read, the last thing the page waits for. */
    painted: '.saved-key',
  },
} as const;

export type PageName = keyof typeof PAGES;

/** The Element Timing name the bench gives the element it waits for. */
const PAINTED_ID = 'fluximage-bench';

/**
 * Marks the element the bench waits for with `elementtiming`, so Chromium reports when it
 * was first painted (Element Timing). A mutation observer adds the attribute as the element
 * enters the DOM, before the frame that paints it. The static copies carry the attribute
 * in their HTML and run no script at all; only the extension's own pages get this one.
 */
async function markPainted(page: Page, selector: string) {
  await page.addInitScript(
    ({ selector, id }) => {
      new MutationObserver((_records, observer) => {
        const element = document.querySelector(selector);
        if (!element) return;
        if (!element.hasAttribute('elementtiming')) element.setAttribute('elementtiming', id);
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    },
    { selector, id: PAINTED_ID },
  );
}

export interface PaintTimes {
  /** First contentful paint, ms from navigation start. */
  fcp: number;
  /** When the element in PAGES[…].painted was first painted (presented), ms from navigation start. */
  painted: number;
}

/** Reads the page's first contentful paint and its element's paint once both have happened. */
function readPaintTimes(page: Page, id: string): Promise<PaintTimes> {
  return page.evaluate(
    (id) =>
      new Promise<PaintTimes>((resolve, reject) => {
        // (No named functions in here: tsx would wrap them in a helper the page does not have.)
        let fcp: number | undefined;
        let painted: number | undefined;
        new PerformanceObserver((list) => {
          fcp = list.getEntriesByName('first-contentful-paint')[0]?.startTime ?? fcp;
          if (fcp !== undefined && painted !== undefined) resolve({ fcp, painted });
        }).observe({ type: 'paint', buffered: true });
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { identifier: string; renderTime: number })[]) {
            if (entry.identifier === id) painted = entry.renderTime;
          }
          if (fcp !== undefined && painted !== undefined) resolve({ fcp, painted });
        }).observe({ type: 'element', buffered: true });
        setTimeout(() => reject(new Error(`no paint of ${id} within 10 s on ${location.pathname}`)), 10_000);
      }),
    id,
  );
}

export interface PaintHooks<T> {
  /** Runs on the fresh tab before it navigates (to start a trace, say). */
  before?: (page: Page) => Promise<void>;
  /** Runs once both paints are known; its result comes back as `extra`. */
  after?: (page: Page) => Promise<T>;
}

/** Opens the page (or its floor) in a fresh tab and returns when its parts were painted. */
export async function timePaintIn<T = undefined>(
  context: BrowserContext,
  url: (path: string) => string,
  name: PageName,
  which: 'page' | 'floor',
  hooks: PaintHooks<T> = {},
): Promise<PaintTimes & { extra: T }> {
  const page = await context.newPage();
  try {
    if (which === 'page') await markPainted(page, PAGES[name].painted);
    await hooks.before?.(page);
    await page.goto(url(PAGES[name][which]));
    const times = await readPaintTimes(page, PAINTED_ID);
    return { ...times, extra: (await hooks.after?.(page)) as T };
  } finally {
    await page.close();
  }
}

export const timePaint = (
  context: BrowserContext,
  url: (path: string) => string,
  name: PageName,
  which: 'page' | 'floor',
): Promise<PaintTimes> => timePaintIn(context, url, name, which);

/**
 * The page as the user sees it once settled, as HTML with no script: the same stylesheet
 * links, the element the bench waits for already marked, form values written into attributes.
 */
async function staticCopy(page: Page, selector: string): Promise<string> {
  return page.evaluate(
    ({ selector, id }) => {
      const copy = document.documentElement.cloneNode(true) as HTMLElement;
      for (const element of copy.querySelectorAll('script, link[rel=modulepreload]')) element.remove();
      copy.querySelector(selector)?.setAttribute('elementtiming', id);
      // What a person typed or the page filled in lives in properties, which HTML does not carry.
      const fields = document.querySelectorAll('input');
      copy.querySelectorAll('input').forEach((input, i) => {
        const live = fields[i]!;
        if (live.type === 'checkbox' || live.type === 'radio') input.toggleAttribute('checked', live.checked);
        else input.setAttribute('value', live.value);
      });
      return `<!DOCTYPE html>\n${copy.outerHTML}\n`;
    },
    { selector, id: PAINTED_ID },
  );
}

/**
 * Renders each page with the stored key against the fake API, waits until it has settled
 * (numbers shown, the popup's refresh answered), and saves its static copy next to it in
 * `dir` (a copy of the build, never the folder `npm run zip` packs).
 */
export async function writeFloorPages(context: BrowserContext, url: (path: string) => string, dir: string) {
  for (const name of Object.keys(PAGES) as PageName[]) {
    const { page: path, floor, painted } = PAGES[name];
    const page = await context.newPage();
    await page.goto(url(path));
    await page.locator(painted).waitFor();
    await page.waitForFunction(() => !document.querySelector('[aria-busy=true]'));
    await page.waitForTimeout(300);
    writeFileSync(join(dir, floor), await staticCopy(page, painted));
    await page.close();
  }
}
