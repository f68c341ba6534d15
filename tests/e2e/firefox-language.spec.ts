// The Language setting in real Firefox ESR (tests/support/firefox.ts): its event page and pages follow it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../support/extension';
import { submitKey, text, waitFor, waitForText, withFirefox } from '../support/firefox';
import { test, expect, KEY } from './fixtures';

type Messages = Record<string, { message: string }>;

/** The languages chosen here, through the picker; what each page must say is read from that language's own file. */
const SMOKE = ['de', 'ar'];

/** The longest run of words in a message between its placeholders. */
const longestPhrase = (message: string) =>
  message
    .split(/\$[A-Za-z0-9_]+\$/)
    .map((part) => part.trim())
    .toSorted((a, b) => b.length - a.length)[0]!;

for (const code of SMOKE) {
  test(`in Firefox ESR: ${code} chosen in the options page, the pages and the badge speak it`, async ({ api }) => {
    test.setTimeout(90_000);
    api.reset();
    const messages: Messages = JSON.parse(readFileSync(join(ROOT, 'public/_locales', code, 'messages.json'), 'utf8'));
    const words = (key: string) => messages[key]!.message;
    const lang = words('messagesLanguage');
    const plural = new Intl.PluralRules(lang).select(1080);
    await withFirefox(async (firefox) => {
      const options = await firefox.open('options.html');
      await submitKey(options, KEY);
      await waitForText(options, 'Connected: Pro plan, 1,080 AI credits left.');
      await waitFor(() => options.$('#language'));
      await options.select('#language', code);

      await waitForText(options, words('optionsTitle'));
      await waitForText(options, words('saved'));
      expect(await options.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
        lang,
        words('messagesDirection'),
      ]);
      const tooltip = longestPhrase(words(`badgeTitleCredits_${plural}`));
      await waitFor(async () => (await firefox.badge(options)).title.includes(tooltip));

      const popup = await firefox.open('popup.html');
      await waitForText(popup, words('popupHeading'));
      expect(await popup.evaluate(() => document.documentElement.dir)).toBe(words('messagesDirection'));
      expect(await text(popup)).not.toMatch(/\b(AI credits|used|Refresh)\b/);
    });
  });
}
