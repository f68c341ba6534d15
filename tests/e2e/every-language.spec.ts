// Every shipped language, chosen in the Language setting: nothing overflows, nothing stays English.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { SHIPPED_LANGUAGES } from '../../lib/platform/language';
import { ROOT, launchExtension, saveKeyInOptions, seedStorage } from '../support/extension';
import { sampleHistoryStorage } from '../fake-api/sample-history';
import { test, expect, KEY } from './fixtures';

type Messages = Record<string, { message: string }>;
const messagesOf = (code: string): Messages =>
  JSON.parse(readFileSync(join(ROOT, 'public/_locales', code, 'messages.json'), 'utf8'));
const english = messagesOf('en');

/**
 * English phrases a page in `code` must not show: each English message's words between its
 * placeholders, where they are long enough to be a phrase and `code`'s own message does not
 * keep them (a product name, "FluxImage Companion", stays in every language).
 */
function englishPhrases(code: string): string[] {
  const own = messagesOf(code);
  return Object.entries(english).flatMap(([key, { message }]) =>
    message
      .split(/\$[A-Za-z0-9_]+\$|\$\d/)
      .map((part) => part.trim())
      .filter((part) => part.length >= 12 && !own[key]?.message.includes(part)),
  );
}

/** Elements that stick out of the page or of their own box: a longer translation that does not fit. */
const overflowing = (page: Page) =>
  page.evaluate(() => {
    const width = document.body.getBoundingClientRect().right;
    return [...document.body.querySelectorAll<HTMLElement>('*')]
      .filter((element) => element.getClientRects().length > 0 && !(element instanceof SVGElement))
      .filter((element) => {
        const box = element.getBoundingClientRect();
        const sticksOut = box.right > width + 0.5 || box.left < -0.5;
        const clipped =
          element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).overflowX !== 'visible';
        return sticksOut || clipped;
      })
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}: ${element.textContent?.slice(0, 40)}`);
  });

for (const code of SHIPPED_LANGUAGES) {
  test(`in ${code}: the popup and the options page fit, and speak only ${code}`, async ({ api }) => {
    test.setTimeout(90_000);
    api.reset();
    const extension = await launchExtension(process.env.E2E_EXTENSION_DIR!, { lang: 'en-US' });
    try {
      await seedStorage(extension.context, sampleHistoryStorage(Date.now(), { daysSinceReset: 9 }));
      const options = await saveKeyInOptions(extension, KEY);
      await seedStorage(extension.context, { language: code });
      // The messages' language, with the browser's region where it speaks it (en-US).
      const lang = new RegExp(`^${messagesOf(code).messagesLanguage!.message}(-|$)`);
      await expect.poll(() => options.evaluate(() => document.documentElement.lang)).toMatch(lang);

      const popup = await extension.context.newPage();
      await popup.setViewportSize({ width: 320, height: 800 });
      await popup.goto(extension.url('popup.html'));
      await expect(popup.locator('svg.sparkline[role=img]')).toBeVisible();
      await options.setViewportSize({ width: 800, height: 1200 });
      await options.locator('#language').waitFor();

      for (const [name, page] of [
        ['popup', popup],
        ['options', options],
      ] as const) {
        expect(await page.evaluate(() => document.documentElement.lang), name).toMatch(lang);
        expect(await overflowing(page), name).toEqual([]);
        if (code === 'en') continue;
        const shown = await page.evaluate(() => document.body.innerText);
        expect(englishPhrases(code).length).toBeGreaterThan(100);
        expect(
          englishPhrases(code).filter((phrase) => shown.includes(phrase)),
          name,
        ).toEqual([]);
      }
    } finally {
      await extension.close();
    }
  });
}
