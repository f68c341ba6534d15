// The Language setting: chosen in the options page, followed at once by every page and the badge.
import type { Page } from '@playwright/test';
import { launchExtension, readBadge, saveKeyInOptions, seedStorage } from '../support/extension';
import { sampleHistoryStorage } from '../fake-api/sample-history';
import { test, expect, expectNoViolations, KEY } from './fixtures';

const pageLanguage = (page: Page) =>
  page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

test('choosing Spanish in an English browser: the options page, the open popup and the badge follow at once', async ({
  api,
}) => {
  test.setTimeout(90_000);
  api.reset();
  const extension = await launchExtension(process.env.E2E_EXTENSION_DIR!, { lang: 'en-US' });
  try {
    const options = await saveKeyInOptions(extension, KEY);
    const popup = await extension.context.newPage();
    await popup.goto(extension.url('popup.html'));
    await expect(popup.getByRole('heading', { name: 'AI credits left' })).toBeVisible();
    await expect.poll(async () => (await readBadge(extension.context)).title).toContain('1,080 AI credits left');

    await options.bringToFront();
    const language = options.getByLabel('Show the extension in');
    // The browser's language first, then each language in its own name.
    await expect(language.locator('option').first()).toHaveText('Browser default');
    await expect(language.locator('option[value=es]')).toHaveText('Español');
    await expect(language.locator('option[value=en]')).toHaveText('English');
    await language.selectOption('es');

    await expect(options.getByRole('heading', { level: 1 })).toHaveText('Ajustes de FluxImage Companion');
    await expect(options).toHaveTitle('Ajustes de FluxImage Companion');
    await expect(options.getByText('Guardado')).toBeVisible();
    await expect(options.getByText('Conectado: plan Pro, quedan 1080 créditos de IA.')).toBeHidden();
    expect(await pageLanguage(options)).toEqual({ lang: 'es', dir: 'ltr' });
    await expect(options.getByLabel('Mostrar la extensión en')).toHaveValue('es');

    // The popup was open all along: it is drawn again in Spanish, numbers written the Spanish way.
    await expect(popup.getByRole('heading', { name: 'Créditos de IA restantes' })).toBeVisible();
    await expect(popup.getByText('120 de 1000 usados').first()).toBeVisible();
    expect(await pageLanguage(popup)).toEqual({ lang: 'es', dir: 'ltr' });
    await expect
      .poll(async () => (await readBadge(extension.context)).title)
      .toContain('FluxImage: quedan 1080 créditos de IA');

    // A popup opened now starts in Spanish.
    const later = await extension.context.newPage();
    await later.goto(extension.url('popup.html'));
    await expect(later.getByRole('button', { name: 'Actualizar' })).toBeVisible();
    expect(await later.evaluate(() => document.body.innerText)).not.toMatch(/\b(credits|used|Refresh)\b/);

    await options.getByLabel('Mostrar la extensión en').selectOption('browser');
    await expect(options.getByRole('heading', { level: 1 })).toHaveText('FluxImage Companion settings');
    await expect(popup.getByRole('heading', { name: 'AI credits left' })).toBeVisible();
    await expect(popup.getByText('120 of 1,000 used').first()).toBeVisible();
    await expect.poll(async () => (await readBadge(extension.context)).title).toContain('1,080 AI credits left');
  } finally {
    await extension.close();
  }
});

test('a Spanish browser that chose English speaks English everywhere, after a restart too', async ({ api }) => {
  test.setTimeout(90_000);
  api.reset();
  const first = await launchExtension(process.env.E2E_EXTENSION_DIR!, { lang: 'es' });
  const options = await saveKeyInOptions(first, KEY);
  await options.getByLabel('Mostrar la extensión en').selectOption('en');
  await expect(options.getByRole('heading', { level: 1 })).toHaveText('FluxImage Companion settings');
  await first.close({ keepProfile: true });

  const again = await launchExtension(process.env.E2E_EXTENSION_DIR!, { lang: 'es', userDataDir: first.userDataDir });
  try {
    await expect.poll(async () => (await readBadge(again.context)).title).toContain('1,080 AI credits left');
    const popup = await again.context.newPage();
    await popup.goto(again.url('popup.html'));
    await expect(popup.getByRole('heading', { name: 'AI credits left' })).toBeVisible();
    expect(await pageLanguage(popup)).toEqual({ lang: 'en', dir: 'ltr' });
  } finally {
    await again.close();
  }
});

test('right to left: an Arabic browser gets dir=rtl on every page, unmirrored charts, isolated numbers, and axe passes', async ({
  api,
}) => {
  test.setTimeout(120_000);
  api.reset();
  const extension = await launchExtension(process.env.E2E_EXTENSION_DIR!, { lang: 'ar' });
  try {
    await seedStorage(extension.context, sampleHistoryStorage(Date.now(), { daysSinceReset: 9 }));
    const options = await saveKeyInOptions(extension, KEY);
    expect(await pageLanguage(options)).toEqual({ lang: 'ar', dir: 'rtl' });
    await expectNoViolations(options, 'options, right to left');

    // Each number in the tooltip is isolated (FSI … PDI), so it keeps its own order in an Arabic sentence.
    await expect.poll(async () => (await readBadge(extension.context)).title).toMatch(/\u2068[^\u2069]+\u2069/);

    const popup = await extension.context.newPage();
    await popup.goto(extension.url('popup.html'));
    await popup.locator('#app > *').first().waitFor();
    expect(await pageLanguage(popup)).toEqual({ lang: 'ar', dir: 'rtl' });
    const line = popup.getByRole('region').locator('svg.sparkline[role=img]');
    await expect(line).toBeVisible();
    expect(await line.evaluate((svg) => getComputedStyle(svg).direction)).toBe('ltr');
    // The page around it is laid out right to left.
    expect(await popup.locator('#app').evaluate((root) => getComputedStyle(root).direction)).toBe('rtl');
    await expectNoViolations(popup, 'popup, right to left');

    // The usage page too: laid out right to left, its charts' time still running left to right.
    const usage = await extension.context.newPage();
    await usage.goto(extension.url('usage.html#account=a0'));
    await usage.locator('table').first().waitFor();
    expect(await pageLanguage(usage)).toEqual({ lang: 'ar', dir: 'rtl' });
    const charts = usage.locator('svg.chart[role=img]');
    await expect(charts).toHaveCount(2);
    expect(await charts.evaluateAll((svgs) => svgs.map((svg) => getComputedStyle(svg).direction))).toEqual([
      'ltr',
      'ltr',
    ]);
    await expectNoViolations(usage, 'usage page, right to left');
  } finally {
    await extension.close();
  }
});
