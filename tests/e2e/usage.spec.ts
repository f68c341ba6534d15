// The usage page with a month of history already stored: its charts, its table, its download,
// the two ways to it (the popup's 30-day line, the options page), axe in light and dark, in
// English and in Spanish.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { launchExtension, seedStorage, type RunningExtension } from '../support/extension';
import { sampleHistoryStorage } from '../fake-api/sample-history';
import { test, expect, expectNoViolations, ageLastCheck, KEY_ACCOUNT } from './fixtures';
import { THREE_ACCOUNTS, seedAccounts } from './accounts';

type Context = RunningExtension['context'];

/** A believable month of readings ending now for `account`, as the extension stores it. */
async function seedHistory(context: Context, account = 'a0') {
  const entries = Object.entries(sampleHistoryStorage(Date.now(), { daysSinceReset: 9 }));
  const suffix = account === 'a0' ? '' : `.${account}`;
  await seedStorage(
    context,
    Object.fromEntries(entries.map(([key, value]) => [key.replace(/^usageHistory/, `usageHistory${suffix}`), value])),
  );
}

async function openUsage(extension: RunningExtension, account: string) {
  const page = await extension.context.newPage();
  await page.goto(extension.url(`usage.html#account=${account}`));
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.bringToFront();
  return page;
}

async function expectChartsAndTable(page: Page) {
  await expect(
    page.getByRole('img', { name: /^AI credits left over the last 30 days: from [\d,]+ to 1,080/ }),
  ).toBeVisible();
  await expect(
    page.getByRole('img', { name: /^AI credits spent per day over the last 30 days: [\d,]+ in all/ }),
  ).toBeVisible();
  const table = page.getByRole('table', { name: /^Billing periods seen on this device/ });
  await expect(table.getByRole('columnheader')).toHaveText([
    'Period',
    'AI credits spent',
    'Top-up credits bought',
    'Ran out',
  ]);
  const rows = table.getByRole('row');
  // The header, the current period (since the reset 9 days ago), the one before it.
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1).getByRole('rowheader')).toHaveText(/ – now \(in progress\)$/);
  await expect(rows.nth(1).getByRole('cell')).toHaveText(['120', '0', 'No']);
  await expect(rows.nth(2).getByRole('cell').nth(1)).toHaveText('500');
}

test('the usage page shows both charts and the billing periods, and downloads the history as CSV', async ({
  extension,
  saveKey,
}) => {
  await seedHistory(extension.context);
  const options = await saveKey();
  // From the account's row in the options page, where the download was.
  await options.getByRole('link', { name: `Usage history of ${KEY_ACCOUNT}` }).click();
  await expect(options).toHaveURL(extension.url('usage.html#account=a0'));
  await expect(options.getByRole('heading', { level: 2 })).toHaveText(KEY_ACCOUNT);
  await expectChartsAndTable(options);
  await expect(
    options.getByRole('region', { name: 'Forecast' }).getByText(/^Monthly credits reset in \d+ days/),
  ).toBeVisible();

  // A year: the chart says so, and still reaches today's 1,080.
  await options.getByRole('radio', { name: '365 days' }).check();
  await expect(
    options.getByRole('img', { name: /^AI credits left over the last 365 days: from [\d,]+ to 1,080/ }),
  ).toBeVisible();

  const download = options.waitForEvent('download');
  await options.getByRole('button', { name: 'Download usage history (CSV)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^fluximage-usage-pro-b2c1-\d{4}-\d\d-\d\d\.csv$/);
  const rows = readFileSync(await file.path(), 'utf8')
    .trim()
    .split('\n');
  expect(rows[0]).toMatch(/^time,ai_credits_remaining,/);
  expect(rows.length).toBeGreaterThan(100);
  expect(rows.at(-1)).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z,1080,/);
});

test("the popup's 30-day line opens the usage page of the account it shows", async ({ api, extension, openPopup }) => {
  await seedHistory(extension.context, 'a1');
  await seedAccounts(extension, THREE_ACCOUNTS, api);
  await ageLastCheck(extension.context);
  const popup = await openPopup();
  await popup.getByRole('tab', { name: /^Client B\b/ }).click();
  const opened = extension.context.waitForEvent('page', (page) => page.url().includes('/usage.html'));
  await popup
    .getByRole('button', { name: 'Usage history' })
    .click()
    .catch(() => undefined); // The popup closes itself as the tab opens.
  const usage = await opened;
  expect(usage.url()).toBe(extension.url('usage.html#account=a1'));
  await expect(usage.getByRole('heading', { level: 2 })).toHaveText('Client B');
  await expect(usage.getByLabel('Account')).toHaveValue('a1');
  await expect(usage.getByRole('img', { name: /^AI credits left over the last 30 days/ })).toBeVisible();

  // Another account, by the picker: one whose key was rejected has no history, and says so plainly.
  await usage.getByLabel('Account').selectOption({ label: 'Client C' });
  await expect(usage.getByRole('heading', { level: 2 })).toHaveText('Client C');
  await expect(usage).toHaveURL(/#account=a2$/);
  await expect(usage.getByRole('img')).toHaveCount(0);
  await expect(
    usage.getByText(/^No usage history for this account yet: it starts with the next successful check\.$/),
  ).toBeVisible();
});

for (const lang of ['en', 'es'] as const) {
  test(`the usage page passes axe, light and dark, with history and without (${lang})`, async ({ api }) => {
    test.setTimeout(90_000);
    api.reset();
    const extension = await launchExtension(process.env.E2E_EXTENSION_DIR!, { lang });
    try {
      await seedHistory(extension.context, 'a0');
      await seedAccounts(extension, THREE_ACCOUNTS, api);
      const page = await openUsage(extension, 'a0');
      const words =
        lang === 'es'
          ? { title: 'Historial de uso', table: /^Periodos de facturación/ }
          : { title: 'Usage history', table: /^Billing periods/ };
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(words.title);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page.getByRole('table', { name: words.table })).toBeVisible();
      await expect(page.getByRole('img')).toHaveCount(2);
      await expectNoViolations(page, `usage page with history (${lang})`);
      // An account with no readings yet: the history's empty words instead of charts.
      await page.goto(extension.url('usage.html#account=a2'));
      await expect(page.getByRole('heading', { level: 2 })).toHaveText('Client C');
      await expect(page.getByRole('img')).toHaveCount(0);
      await expectNoViolations(page, `usage page without history (${lang})`);
    } finally {
      await extension.close();
    }
  });
}
