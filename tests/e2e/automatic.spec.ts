// "Check every: Automatic", the default: when the next check comes, and a check when the person comes back.
import type { BrowserContext } from '@playwright/test';
import { currentWorker } from '../support/extension';
import { test, expect, ageLastCheck, expectBadge, firePollAlarm, pollAlarmTime, storedData } from './fixtures';

const MINUTE = 60_000;

/** How long after the last check the poll alarm is set for. */
async function nextCheckAfterLast(context: BrowserContext): Promise<number> {
  const { local } = await storedData(context);
  const { checkedAt } = local.pollStatus as { checkedAt: number };
  return (await pollAlarmTime(context))! - checkedAt;
}

/** The AI credits left in the last answer the extension stored. */
async function storedRemaining(context: BrowserContext): Promise<number> {
  const { local } = await storedData(context);
  return (local.usageSnapshot as { usage: { remainingCredits: number } }).usage.remainingCredits;
}

/** Credits spent on FluxImage since the sample's 1,080: the counters the next check sees. */
const spend = (api: { setUsage(changes: Record<string, unknown>): void }, credits: number) =>
  api.setUsage({ ia_credits_used: 120 + credits, ia_credits_remaining: 1080 - credits });

test('the options page offers Automatic first, chosen by default, and saves a change of it', async ({
  extension,
  openOptions,
}) => {
  const options = await openOptions();
  const select = options.getByLabel('Check every');
  await expect(select).toHaveValue('auto');
  await expect(select.locator('option')).toHaveText([
    'Automatic (recommended)',
    '5 minutes',
    '15 minutes',
    '30 minutes',
    '60 minutes',
  ]);
  await expect(select).toHaveAccessibleDescription(
    'Automatic checks more often while your credits go down, as rarely as once an hour while nothing changes or you are away, and again when you come back.',
  );

  await select.selectOption('30');
  await expect(options.locator('.renewal-row', { has: select }).getByText('Saved')).toBeVisible();
  expect((await storedData(extension.context)).local.insightSettings).toMatchObject({ checkEveryMinutes: 30 });
  await options.reload();
  await expect(options.getByLabel('Check every')).toHaveValue('30');

  await options.getByLabel('Check every').selectOption('auto');
  await expect
    .poll(async () => (await storedData(extension.context)).local.insightSettings)
    .toMatchObject({
      checkEveryMinutes: 'auto',
    });
});

test('with Automatic, a check that sees credits fall plans the next one about 5 minutes on', async ({
  api,
  extension,
  saveKey,
  badge,
}) => {
  await saveKey();
  await expectBadge(badge, '1k');
  // One credit: at that pace the threshold (100 left) is far off, so no check is timed to reach it.
  spend(api, 1);
  await firePollAlarm(extension.context);
  await expect.poll(() => storedRemaining(extension.context)).toBe(1079);
  // 5 minutes (moved by up to 5% of jitter) after the moment the answer was recorded, which a
  // slow machine puts some seconds after the check; far sooner than 15, and not the 1-minute crossing wait.
  await expect.poll(() => nextCheckAfterLast(extension.context)).toBeLessThanOrEqual(5.25 * MINUTE);
  expect(await nextCheckAfterLast(extension.context)).toBeGreaterThan(3 * MINUTE);
});

test('with every 15 minutes chosen, a check that sees credits fall keeps the 15 minutes', async ({
  api,
  extension,
  saveKey,
  badge,
}) => {
  const options = await saveKey();
  await expectBadge(badge, '1k');
  await options.getByLabel('Check every').selectOption('15');
  await expect
    .poll(async () => (await storedData(extension.context)).local.insightSettings)
    .toMatchObject({
      checkEveryMinutes: 15,
    });
  spend(api, 150);
  await firePollAlarm(extension.context);
  await expectBadge(badge, '930');
  await expect.poll(() => nextCheckAfterLast(extension.context)).toBe(15 * MINUTE);
});

test('with Automatic, a browser window gaining focus checks a badge older than 5 minutes at once', async ({
  api,
  extension,
  saveKey,
  badge,
}) => {
  await saveKey();
  await expectBadge(badge, '1k');
  spend(api, 150);
  // The person was away for a while: the last check is 6 minutes old, and the next one later still.
  await ageLastCheck(extension.context, 6 * MINUTE);
  const before = api.usageRequests().length;
  expect(await pollAlarmTime(extension.context)).toBeGreaterThan(Date.now() + 5 * MINUTE);

  // They come back to the browser: one of its windows gains focus.
  const worker = await currentWorker(extension.context);
  await worker.evaluate(async () => {
    type Windows = { create(data: { focused: boolean }): Promise<unknown> };
    await (globalThis as unknown as { chrome: { windows: Windows } }).chrome.windows.create({ focused: true });
  });
  await expect.poll(() => api.usageRequests().length).toBe(before + 1);
  await expectBadge(badge, '930');
});
