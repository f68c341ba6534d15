import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from '@playwright/test';
import { extensionPage } from '../support/extension';
import { test, expect, ageLastCheck, expectBadge, firePollAlarm, KEY } from './fixtures';

type SiteAccess = 'ON_CLICK' | 'ON_ALL_SITES';

/**
 * Sets the extension's "Site access" in chrome://extensions, as a person would there.
 * (Chromium refuses `permissions.remove` for a permission the manifest requires, "You cannot
 * remove required permissions.", so withholding it is the user's setting, not the extension's.)
 */
async function setSiteAccess(context: BrowserContext, id: string, hostAccess: SiteAccess) {
  const settings = await context.newPage();
  await settings.goto(`chrome://extensions/?id=${id}`);
  await settings.evaluate(
    async ({ extensionId, access }) => {
      type DeveloperPrivate = { updateExtensionConfiguration(update: object): Promise<void> };
      const { developerPrivate } = (globalThis as unknown as { chrome: { developerPrivate: DeveloperPrivate } }).chrome;
      await developerPrivate.updateExtensionConfiguration({ extensionId, hostAccess: access });
    },
    { extensionId: id, access: hostAccess },
  );
  await settings.close();
}

/** True once no poll is scheduled: the background has seen the alarm and decided not to ask. */
async function pollAlarmCleared(context: BrowserContext) {
  const page = await extensionPage(context);
  return page.evaluate(async () => {
    type Alarms = { get(name: string): Promise<object | undefined> };
    const { alarms } = (globalThis as unknown as { chrome: { alarms: Alarms } }).chrome;
    return (await alarms.get('poll-usage')) === undefined;
  });
}

/** The notice and its button pass axe, light and dark. */
async function expectAccessible(page: Page) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
}

test('access to FluxImage withheld: every page says so, nothing is asked, and granting it polls at once', async ({
  api,
  extension,
  saveKey,
  openPopup,
  openOptions,
  badge,
}) => {
  const { context, id } = extension;
  await saveKey(KEY);
  await expectBadge(badge, '1k');
  const connected = await badge();
  expect(api.usageRequests()).toHaveLength(1);

  await setSiteAccess(context, id, 'ON_CLICK');

  await expect.poll(async () => (await badge()).title).toContain('Access to 127.0.0.1 is off.');
  const off = await badge();
  expect(off.text).toBe('1k');
  expect(off.color).not.toEqual(connected.color);

  // A minute on, opening the popup would normally ask for fresh numbers.
  await ageLastCheck(context);
  const popup = await openPopup();
  await expect(popup.getByText('Access to 127.0.0.1 is off.')).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Allow access' })).toBeVisible();
  await expect(popup.getByLabel('AI credits left', { exact: true })).toHaveText('1,080');
  await expectAccessible(popup);
  const options = await openOptions();
  // The page's notice names the site once; the account's row says only what it means for it.
  await expect(options.getByText('Access to 127.0.0.1 is off.')).toBeVisible();
  await expect(options.getByRole('button', { name: 'Allow access' })).toBeVisible();
  await expect(options.locator('.account-state')).toHaveText('Not checked while access is off.');
  await expectAccessible(options);

  // The schedule comes due: the background wakes, finds no access and asks nothing.
  await firePollAlarm(context);
  await expect.poll(() => pollAlarmCleared(context)).toBe(true);
  expect(api.usageRequests()).toHaveLength(1);

  // Granted again (here in the browser's settings: headless Chromium cannot show the prompt
  // the Allow access button opens). Polling resumes at once, without waiting for the schedule.
  await setSiteAccess(context, id, 'ON_ALL_SITES');
  await expect.poll(() => api.usageRequests().length).toBe(2);
  await expect.poll(async () => (await badge()).title).not.toContain('is off');
  expect((await badge()).color).toEqual(connected.color);
  await expect(popup.getByText('Access to 127.0.0.1 is off.')).toBeHidden();
  await expect(options.getByRole('button', { name: 'Allow access' })).toBeHidden();
  await expect(options.locator('.account-state')).toHaveText('Connected.');
  expect(await pollAlarmCleared(context)).toBe(false);
});

test('access withheld while a check is on its way: its late answer does not turn access back on', async ({
  api,
  extension,
  saveKey,
  openPopup,
  badge,
}) => {
  const { context, id } = extension;
  await saveKey(KEY);
  await expectBadge(badge, '1k');
  await ageLastCheck(context);
  api.setDelay(3_000);
  // Opening the popup asks for fresh numbers; FluxImage is slow to answer.
  const popup = await openPopup();
  await expect.poll(() => api.usageRequests().length).toBe(2);
  await setSiteAccess(context, id, 'ON_CLICK');
  await expect(popup.getByText('Access to 127.0.0.1 is off.')).toBeVisible();
  // The check is over once Refresh waits out the gap after it.
  await expect(popup.locator('button.refresh')).toHaveAccessibleName(/^Refresh at/);
  await expect(popup.getByText('Access to 127.0.0.1 is off.')).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Allow access' })).toBeVisible();
  expect((await badge()).title).toContain('Access to 127.0.0.1 is off.');
  expect(await pollAlarmCleared(context)).toBe(true);
});
