// The look-ahead features with a month of history already stored: no waiting on real time.
import { dismissNotification, extensionPage, seedStorage, shownNotifications } from '../support/extension';
import { sampleHistoryStorage } from '../fake-api/sample-history';
import {
  test,
  expect,
  ageLastCheck,
  closeOptionsTabs,
  firePollAlarm,
  replaceKey,
  storedData,
  KEY,
  KEY_ACCOUNT,
} from './fixtures';

type Context = Parameters<typeof extensionPage>[0];

/** Stores a believable month of readings ending now, as if the extension had been running. */
const seedHistory = (context: Context, options?: Parameters<typeof sampleHistoryStorage>[1]) =>
  seedStorage(context, sampleHistoryStorage(Date.now(), options));

const DAY = 24 * 60 * 60_000;
/** The local day of the month of the sample's reset, `days` ago. */
const dayOfMonthAgo = (days: number) => new Date(Date.now() - days * DAY).getDate();

const notifications = shownNotifications;
const ROLLED_KEY = `flx_live_${'b'.repeat(40)}`;
const NOTIFY_ALL = { runOut: true, compressionsUsedUp: true, keyRejected: true, creditsBack: false };

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
  await expect(sparkline).toHaveAccessibleName(/1 top-up on /);
  await expect(sparkline).toHaveAccessibleName(/monthly reset on /);
});

test('the popup says what may be spent per day and how the month stands; the badge shows days, percent or no number', async ({
  extension,
  saveKey,
  openPopup,
  badge,
}) => {
  await seedHistory(extension.context, { daysSinceReset: 9 });
  const options = await saveKey();
  await ageLastCheck(extension.context);
  const popup = await openPopup();
  const forecast = popup.getByRole('region', { name: 'Forecast' });
  // 1,080 left over the 21 or 22 days to the reset; 120 of 1,000 used nine days into the month.
  await expect(
    forecast.getByText(/^You can spend about (49|51) AI credits a day until your reset on \w{3} \d{1,2}$/),
  ).toBeVisible();
  const pace = forecast.getByText(/^12% of this month's AI credits used, (29|30|31)% of the month gone\. /);
  await expect(pace).toHaveText(/Spending slower than an even pace\.$/);
  await expect(pace).toHaveClass('slower');
  await popup.close();

  const shows = options.getByRole('group', { name: 'The badge shows' });
  await expect.poll(async () => (await badge()).text).toBe('1k');
  await shows.getByRole('radio', { name: /^Days left at this pace/ }).check();
  await expect.poll(async () => (await badge()).text).toMatch(/^(\d{1,2}d|>99d)$/);
  expect((await badge()).title).toMatch(/^At this pace, AI credits for \d+ more days\.\n/);
  await shows.getByRole('radio', { name: /^Percent of this month's AI credits left/ }).check();
  await expect.poll(async () => (await badge()).text).toBe('88%');
  await shows.getByRole('radio', { name: /^No number/ }).check();
  await expect.poll(async () => (await badge()).text).toBe(' ');
  // The state's colour stays on the icon: blue for plenty of credits.
  expect((await badge()).color).toEqual([26, 115, 232, 255]);
});

/** The last good check (its numbers and the forecast computed from them) happened `ms` earlier than it did. */
async function moveLastGoodCheckBack(context: Context, ms: number) {
  const page = await extensionPage(context);
  await page.evaluate(async (by) => {
    type Local = { get(key: null): Promise<Record<string, Record<string, number>>>; set(value: object): Promise<void> };
    const { local } = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage;
    const { usageSnapshot, insightsView, pollStatus } = await local.get(null);
    await local.set({
      usageSnapshot: { ...usageSnapshot, fetchedAt: usageSnapshot!.fetchedAt! - by },
      insightsView: { ...insightsView, computedAt: insightsView!.computedAt! - by },
      pollStatus: { ...pollStatus, checkedAt: pollStatus!.checkedAt! - by },
    });
  }, ms);
}

test('offline since yesterday, the popup still shows the forecast it has, as of the last good check', async ({
  api,
  extension,
  saveKey,
  openPopup,
}) => {
  await seedHistory(extension.context, { daysSinceReset: 9 });
  await saveKey();
  await moveLastGoodCheckBack(extension.context, DAY);
  api.setFault('server-error');
  const popup = await openPopup();
  const forecast = popup.getByRole('region', { name: 'Forecast' });
  await expect(forecast).toHaveAttribute('aria-busy', 'false');
  const yesterday = new Date(Date.now() - DAY).toLocaleString('en-US', { month: 'short', day: 'numeric' });
  await expect(forecast.getByText(new RegExp(`^As of ${yesterday}, \\d{1,2}:\\d{2}\\s[AP]M$`))).toBeVisible();
  await expect(forecast.getByText(/^Monthly credits reset in \d+ days \(\w{3} \d{1,2}\)$/)).toBeVisible();
  await expect(forecast.getByText(/^At this pace, your AI credits last about \d+ more days \(to /)).toBeVisible();
  await expect(forecast.getByRole('img')).toHaveAccessibleName(/^AI credits left over the last 30 days: from /);
  // The popup's own check failed: the block is still yesterday's, and says so.
  await expect(popup.getByRole('status').filter({ hasText: "FluxImage's server is having trouble." })).toBeVisible();
  await expect(forecast.getByText(/^As of /)).toBeVisible();
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

test('the options page shows the detected renewal day, lets the user change it, and links to the usage page', async ({
  extension,
  saveKey,
  openPopup,
}) => {
  await seedHistory(extension.context, { daysSinceReset: 9 });
  const options = await saveKey();
  const day = options.getByLabel('Your plan renews on day');
  await expect(day).toHaveValue(String(dayOfMonthAgo(9)));
  await expect(options.getByText(/^Detected on .+, when your monthly credits reset\.$/)).toBeVisible();

  // The history's download moved to the usage page (tests/e2e/usage.spec.ts); the row links there.
  await expect(options.getByRole('link', { name: `Usage history of ${KEY_ACCOUNT}` })).toHaveAttribute(
    'href',
    '/usage.html#account=a0',
  );

  const nextDay = (dayOfMonthAgo(9) % 28) + 1;
  // The day saves itself once typed and committed: no button to press.
  await day.fill(String(nextDay));
  await day.press('Enter');
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
  // The renewal day is the account's own (the first account's keys, lib/foresight/settings.ts),
  // no longer one for all in insightSettings: that one was moved only by the upgrade, at install.
  await seedStorage(extension.context, {
    renewalDay: 14,
    renewalDay$: { v: 1 },
    insightSettings: { notify: NOTIFY_ALL, badge: 'credits', checkEveryMinutes: 15 },
    insightSettings$: { v: 2 },
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

const HOUR = 60 * 60_000;

/** `day` at `hour:minute` in the month before `at`'s, clamped to that month's length. */
function lastMonth(at: number, day: number) {
  const date = new Date(at);
  const month = new Date(date.getFullYear(), date.getMonth() - 1, 1);
  const length = new Date(month.getFullYear(), month.getMonth() + 1, 0).getDate();
  return new Date(month.getFullYear(), month.getMonth(), Math.min(day, length), date.getHours(), date.getMinutes());
}

test('on the renewal day the reset is awaited at its learned time, with no run-out warning before it', async ({
  api,
  extension,
  saveKey,
  openPopup,
}) => {
  // Today is the renewal day; last month's reset came at a time two hours from now (late in the
  // evening: two hours ago, so it is due now). 900 of 1,000 credits used: they last days, not weeks.
  const now = Date.now();
  const due = new Date(now + 2 * HOUR).getDate() !== new Date(now).getDate();
  const resetToday = due ? now - 2 * HOUR : now + 2 * HOUR;
  const day = new Date(resetToday).getDate();
  await seedStorage(extension.context, {
    // As version 1 stored it: the reset as the time it was first seen.
    ...sampleHistoryStorage(
      now,
      { resetAt: lastMonth(resetToday, day).getTime(), usedThisPeriod: 900 },
      { version: 1 },
    ),
    renewalDay: day,
    renewalDay$: { v: 1 },
    insightSettings: { notify: NOTIFY_ALL, badge: 'credits', checkEveryMinutes: 15 },
    insightSettings$: { v: 2 },
  });
  api.setUsage({ ia_credits_used: 900, ia_credits_remaining: 300 });
  await saveKey();
  await ageLastCheck(extension.context);
  const popup = await openPopup();
  const forecast = popup.getByRole('region', { name: 'Forecast' });
  const when = due ? /^Monthly credits reset any time now$/ : /^Monthly credits reset today around \d{1,2} [AP]M$/;
  await expect(forecast.getByText(when)).toBeVisible();
  await expect(forecast.getByText(/^Enough until your reset on /)).toBeVisible();
  expect(await notifications(extension.context)).not.toContain('fluximage-run-out');
});

test('a plan downgrade is not spending: the forecast keeps the real pace and no run-out warning fires', async ({
  api,
  extension,
  saveKey,
  openPopup,
}) => {
  // About 13 credits a day on Pro (1,000 a month), 1,080 left; then the plan becomes Starter (500).
  await seedStorage(extension.context, sampleHistoryStorage(Date.now(), { daysSinceReset: 9 }, { version: 1 }));
  await saveKey();
  await expect.poll(async () => (await storedNumbers(extension.context)).remaining).toBe(1080);
  api.setUsage({ plan: 'starter', ia_credits_monthly: 500, ia_credits_remaining: 580, compressor_limit: 200 });
  await firePollAlarm(extension.context);
  await expect.poll(async () => (await storedNumbers(extension.context)).remaining).toBe(580);
  await ageLastCheck(extension.context);
  const popup = await openPopup();
  const forecast = popup.getByRole('region', { name: 'Forecast' });
  const pace = forecast.getByText(/^At this pace, your AI credits last about \d+ more days/);
  await expect(pace).toBeVisible();
  // 580 credits at about 13 a day: weeks, not the week a "spending" of 500 would leave.
  expect(Number(/about (\d+) more days/.exec((await pace.textContent()) ?? '')?.[1])).toBeGreaterThan(30);
  await expect(forecast.getByText(/^Enough until your reset on /)).toBeVisible();
  expect(await notifications(extension.context)).not.toContain('fluximage-run-out');
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
  const form = await replaceKey(options, KEY_ACCOUNT, ROLLED_KEY);
  await form.getByRole('button', { name: 'Save anyway' }).click();
  await expect(form.getByText(/^Key saved, but it could not be checked yet/)).toBeVisible();
  // Still the one account, now with the rolled key.
  await expect(options.locator('.account')).toHaveCount(1);
  await expect(options.getByText('Saved key: flx_live_bbbb…bbbb')).toBeVisible();

  // FluxImage is back: the next check answers for the same account.
  api.setFault(null);
  await firePollAlarm(extension.context);
  await expect.poll(async () => (await storedData(extension.context)).local.pollStatus).toMatchObject({ kind: 'ok' });
  await expect(kept).toHaveText(new RegExp(`^(?!1 readings)[\\d,]+ readings kept on this device${since}$`));
});
