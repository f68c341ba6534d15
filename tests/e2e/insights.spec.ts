// The look-ahead features with a month of history already stored: no waiting on real time.
import { readFileSync } from 'node:fs';
import { dismissNotification, extensionPage, seedStorage, shownNotifications } from '../support/extension';
import { sampleHistoryStorage } from '../fake-api/sample-history';
import { test, expect, ageLastCheck, closeOptionsTabs, firePollAlarm, storedData, KEY } from './fixtures';

type Context = Parameters<typeof extensionPage>[0];

/** Stores a believable month of readings ending now, as if the extension had been running. */
const seedHistory = (context: Context, options?: Parameters<typeof sampleHistoryStorage>[1]) =>
  seedStorage(context, sampleHistoryStorage(Date.now(), options));

const DAY = 24 * 60 * 60_000;
/** The local day of the month of the sample's reset, `days` ago. */
const dayOfMonthAgo = (days: number) => new Date(Date.now() - days * DAY).getDate();

const notifications = shownNotifications;
const ROLLED_KEY = `flx_live_${'b'.repeat(40)}`;

test('the popup says when credits reset, how long they last at this pace, and draws the last 30 days', async ({
  extension,
  saveKey,
  openPopup,
}) => {
  await seedHistory(extension.context, { daysSinceReset: 9 });
  await saveKey();
  await ageLastCheck(extension.context);
  const popup = await openPopup();
  await expect(popup.getByLabel('AI credits left', { exact: true })).toHaveText('1,080');
  const forecast = popup.getByRole('region', { name: 'Forecast' });
  await expect(forecast.getByText(/^Monthly credits reset in \d+ days \(\w{3} \d{1,2}\)$/)).toBeVisible();
  await expect(forecast.getByText(/^At this pace, your AI credits last about \d+ more days \(to /)).toBeVisible();
  await expect(forecast.getByText(/^Enough until your reset on /)).toBeVisible();
  const sparkline = forecast.getByRole('img');
  await expect(sparkline).toHaveAccessibleName(/^AI credits left over the last 30 days: from [\d,]+ to 1,080/);
  await expect(sparkline).toHaveAccessibleName(/one top-up on /);
  await expect(sparkline).toHaveAccessibleName(/monthly reset on /);
});

test('without a day of history the popup says when the forecast comes, and where to set the reset date', async ({
  extension,
  saveKey,
  openPopup,
}) => {
  await saveKey();
  await closeOptionsTabs(extension);
  await ageLastCheck(extension.context);
  const popup = await openPopup();
  await expect(popup.getByText('Forecast after a day of use')).toBeVisible();
  await expect(popup.getByText(/^Reset date not known yet/)).toBeVisible();
  const opened = extension.context.waitForEvent('page', (page) => page.url() === extension.url('options.html'));
  await popup
    .getByRole('button', { name: 'set it in Settings' })
    .click()
    .catch(() => undefined);
  expect((await opened).url()).toBe(extension.url('options.html'));
});

test('the options page shows the detected renewal day, lets the user change it, and exports the history', async ({
  extension,
  saveKey,
  openPopup,
}) => {
  await seedHistory(extension.context, { daysSinceReset: 9 });
  const options = await saveKey();
  const day = options.getByLabel('Your plan renews on day');
  await expect(day).toHaveValue(String(dayOfMonthAgo(9)));
  await expect(options.getByText(/^Detected on .+, when your monthly credits reset\.$/)).toBeVisible();

  const download = options.waitForEvent('download');
  await options.getByRole('button', { name: 'Download usage history (CSV)' }).click();
  const file = await (await download).path();
  const rows = readFileSync(file, 'utf8').trim().split('\n');
  expect(rows[0]).toMatch(/^time,ai_credits_remaining,/);
  expect(rows.length).toBeGreaterThan(100);
  expect(rows.at(-1)).toMatch(/^\d{4}-\d\d-\d\dT[\d:.]+Z,1080,/);

  const nextDay = (dayOfMonthAgo(9) % 28) + 1;
  await day.fill(String(nextDay));
  await options.getByRole('button', { name: 'Save these settings' }).click();
  await expect(options.getByText('Set by you. Leave it empty to use the day detected from your resets.')).toBeVisible();
  await ageLastCheck(extension.context);
  const popup = await openPopup();
  const expected = new Date();
  expected.setDate(nextDay);
  if (expected.getTime() <= Date.now()) expected.setMonth(expected.getMonth() + 1, nextDay);
  const month = expected.toLocaleString('en-US', { month: 'short' });
  await expect(
    popup.getByText(new RegExp(`^Monthly credits reset (in \\d+ days|tomorrow) \\(${month} ${nextDay}\\)$`)),
  ).toBeVisible();
});

test('a look-ahead warning fires once when the credits will not last until the reset', async ({
  api,
  extension,
  saveKey,
}) => {
  // 900 of 1,000 monthly credits used in 9 days, 300 left: gone in about 3 days, weeks before the reset.
  await seedHistory(extension.context, { daysSinceReset: 9, usedThisPeriod: 900 });
  api.setUsage({ ia_credits_used: 900, ia_credits_remaining: 300 });
  await saveKey();
  await expect.poll(() => notifications(extension.context)).toContain('fluximage-run-out');
  await dismissNotification(extension.context, 'fluximage-run-out');
  api.setUsage({ ia_credits_used: 905, ia_credits_remaining: 295 });
  const before = api.usageRequests().length;
  await firePollAlarm(extension.context);
  await expect.poll(() => api.usageRequests().length).toBe(before + 1);
  await expect.poll(async () => (await storedNumbers(extension.context)).remaining).toBe(295);
  expect(await notifications(extension.context)).not.toContain('fluximage-run-out');
});

async function storedNumbers(context: Context) {
  const page = await extensionPage(context);
  return page.evaluate(async () => {
    type Local = { get(key: string): Promise<{ usageSnapshot?: { usage: { remainingCredits: number } } }> };
    const { local } = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage;
    return { remaining: (await local.get('usageSnapshot')).usageSnapshot?.usage.remainingCredits };
  });
}

test('with compressions used up, the popup says on which day they come back', async ({
  api,
  extension,
  saveKey,
  openPopup,
}) => {
  await seedStorage(extension.context, {
    insightSettings: {
      renewalDay: 14,
      notify: { runOut: true, compressionsUsedUp: true, keyRejected: true, creditsBack: false },
      badge: 'credits',
      checkEveryMinutes: 15,
    },
    insightSettings$: { v: 1 },
  });
  api.setUsage({ plan: 'starter', compressor_used: 200, compressor_limit: 200, canCompress: false });
  await saveKey();
  await ageLastCheck(extension.context);
  const popup = await openPopup();
  const next = new Date();
  if (next.getDate() >= 14) next.setMonth(next.getMonth() + 1);
  const month = next.toLocaleString('en-US', { month: 'short' });
  await expect(popup.getByText(`They come back on ${month} 14.`, { exact: false })).toBeVisible();
  await expect(popup.getByText(/^Monthly credits reset /)).toHaveText(new RegExp(`\\(${month} 14\\)$`));
});

test('a rolled key saved anyway while FluxImage is down keeps the history, and its first answer continues it', async ({
  api,
  extension,
  saveKey,
}) => {
  await seedHistory(extension.context, { daysSinceReset: 9 });
  const options = await saveKey();
  const kept = options.getByText(/^[\d,]+ readings kept on this device since .+\.$/);
  await expect(kept).toBeVisible();
  const before = (await kept.textContent())!;
  const since = before.slice(before.indexOf(' since ')).replace(/[.()]/g, '\\$&');
  // The key is rolled in the dashboard while FluxImage answers 503: it can only be saved anyway.
  api.rejectKey(KEY);
  api.setFault('server-error', { status: 503 });
  await options.getByLabel('API key', { exact: true }).fill(ROLLED_KEY);
  await options.getByRole('button', { name: 'Save', exact: true }).click();
  await options.getByRole('button', { name: 'Save anyway' }).click();
  await expect(options.getByText(/^Key saved, but it could not be checked yet/)).toBeVisible();

  // FluxImage is back: the next check answers for the same account.
  api.setFault(null);
  await firePollAlarm(extension.context);
  await expect.poll(async () => (await storedData(extension.context)).local.pollStatus).toMatchObject({ kind: 'ok' });
  await expect(kept).toHaveText(new RegExp(`^(?!1 readings)[\\d,]+ readings kept on this device${since}$`));
});
