// Every word, number and date in the language the messages are shown in.
import type { Page } from '@playwright/test';
import { launchExtension, readBadge, saveKeyInOptions, seedStorage } from '../support/extension';
import { sampleHistoryStorage } from '../fake-api/sample-history';
import { test, expect, ageLastCheck, KEY } from './fixtures';

const pageLanguage = (page: Page) =>
  page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

/** "6:16 PM" as English writes it: no seconds, a 12-hour clock (some ICU versions put a narrow space). */
const ENGLISH_TIME = /\b\d{1,2}:\d{2}\s[AP]M\b/;

test('in a Swedish browser, which the extension is not translated for, everything follows the English it shows', async ({
  api,
}) => {
  test.setTimeout(90_000);
  api.reset();
  const extension = await launchExtension(process.env.E2E_EXTENSION_DIR!, { lang: 'sv' });
  try {
    await seedStorage(extension.context, sampleHistoryStorage(Date.now(), { daysSinceReset: 9 }));
    const options = await saveKeyInOptions(extension, KEY);
    await expect(options.getByText('Connected: Pro plan, 1,080 AI credits left.')).toBeVisible();
    expect(await pageLanguage(options)).toEqual({ lang: 'en', dir: 'ltr' });

    const { title } = await readBadge(extension.context);
    expect(title).toContain('FluxImage: 1,080 AI credits left (120 of 1,000 monthly used, 200 top-up).');
    expect(title).toMatch(ENGLISH_TIME);

    await ageLastCheck(extension.context);
    const popup = await extension.context.newPage();
    await popup.goto(extension.url('popup.html'));
    await expect(popup.getByLabel('AI credits left', { exact: true })).toHaveText('1,080');
    expect(await pageLanguage(popup)).toEqual({ lang: 'en', dir: 'ltr' });
    await expect(popup.getByText('120 of 1,000 used').first()).toBeVisible();
    await expect(popup.getByText(/^Updated (now|\d+ minutes? ago)$/)).toBeVisible();
    const forecast = popup.getByRole('region', { name: 'Forecast' });
    await expect(forecast.getByText(/^Monthly credits reset in \d+ days \([A-Z][a-z]{2} \d{1,2}\)$/)).toBeVisible();
    await expect(forecast.getByRole('img')).toHaveAccessibleName(
      /^AI credits left over the last 30 days: from [\d,]+ to 1,080/,
    );
  } finally {
    await extension.close();
  }
});

// Chrome loads a locale only from a folder it knows by name (pt_BR, zh_CN): a browser in each
// of these languages gets its own words, numbers written its way, and Arabic right to left.
const TRANSLATED = [
  { lang: 'de', dir: 'ltr', connected: 'Verbunden: Tarif Pro, noch # KI-Credits.', heading: 'Verbleibende KI-Credits' },
  {
    lang: 'pt-BR',
    dir: 'ltr',
    connected: 'Conectado: plano Pro, restam # créditos de IA.',
    heading: 'Créditos de IA restantes',
  },
  { lang: 'zh-CN', dir: 'ltr', connected: '已连接：Pro 套餐，剩余 # AI 积分。', heading: '剩余 AI 积分' },
  {
    lang: 'ar',
    dir: 'rtl',
    // 1,080 ends in 80: Arabic's many form (11–99 after the hundreds), the accusative singular.
    // Right to left, each substitution is isolated (FSI … PDI), so the plan and the number keep their order.
    connected: 'متصل: خطة \u2068Pro\u2069، يتبقى \u2068#\u2069 رصيدًا للذكاء الاصطناعي.',
    heading: 'أرصدة الذكاء الاصطناعي المتبقية',
  },
] as const;

for (const { lang, dir, connected, heading } of TRANSLATED) {
  test(`in a browser in ${lang}, the options page, the popup and the tooltip speak ${lang}`, async ({ api }) => {
    test.setTimeout(90_000);
    api.reset();
    const extension = await launchExtension(process.env.E2E_EXTENSION_DIR!, { lang });
    try {
      const options = await saveKeyInOptions(extension, KEY);
      const count = await options.evaluate((tag) => new Intl.NumberFormat(tag).format(1080), lang);
      await expect(options.getByText(connected.replace('#', count))).toBeVisible();
      expect(await pageLanguage(options)).toEqual({ lang, dir });

      const { title } = await readBadge(extension.context);
      expect(title.startsWith('FluxImage')).toBe(true);
      expect(title).toContain(count);
      expect(title).not.toContain('AI credits left');

      const popup = await extension.context.newPage();
      await popup.goto(extension.url('popup.html'));
      await expect(popup.getByLabel(heading, { exact: true })).toHaveText(count);
      expect(await pageLanguage(popup)).toEqual({ lang, dir });
    } finally {
      await extension.close();
    }
  });
}

test('the forecast stored while the browser spoke English is shown in Spanish after it switches', async ({ api }) => {
  test.setTimeout(90_000);
  api.reset();
  const english = await launchExtension(process.env.E2E_EXTENSION_DIR!, { lang: 'en' });
  await seedStorage(english.context, sampleHistoryStorage(Date.now(), { daysSinceReset: 9 }));
  await saveKeyInOptions(english, KEY);
  await english.close({ keepProfile: true });

  // FluxImage cannot be reached from here on: the block is the one stored in English.
  api.setFault('server-error');
  const spanish = await launchExtension(process.env.E2E_EXTENSION_DIR!, {
    lang: 'es',
    userDataDir: english.userDataDir,
  });
  try {
    const popup = await spanish.context.newPage();
    await popup.goto(spanish.url('popup.html'));
    const forecast = popup.getByRole('region', { name: 'Previsión' });
    await expect(forecast).toHaveAttribute('aria-busy', 'false');
    await expect(forecast.getByText(/^Nuevos créditos dentro de \d+ días \(\d{1,2} [a-z]{3}\.?\)$/)).toBeVisible();
    await expect(forecast.getByText(/^A este ritmo, tus créditos de IA duran unos \d+ días más/)).toBeVisible();
    await expect(forecast.getByRole('img')).toHaveAccessibleName(/^Créditos de IA restantes en los últimos 30 días/);
    expect(await forecast.innerText()).not.toMatch(/\b(Monthly|credits|days|pace)\b/);
  } finally {
    await spanish.close();
  }
});
