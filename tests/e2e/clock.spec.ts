// A clock set back after the extension stored its times: corrected after sleep, a time zone fixed.
import type { BrowserContext } from '@playwright/test';
import { extensionPage, seedStorage } from '../support/extension';
import { test, expect, ageLastCheck, pollAlarmTime } from './fixtures';

const HOUR = 60 * 60_000;

/** Moves the stored times and the poll alarm `ms` ahead: as if the clock had since been set back by `ms`. */
async function setClockBack(context: BrowserContext, ms: number) {
  const page = await extensionPage(context);
  await page.evaluate(async (by) => {
    type Times = { checkedAt: number; nextAt: number; fetchedAt: number };
    type Chrome = {
      storage: { local: { get(keys: string[]): Promise<Record<string, Times>>; set(v: object): Promise<void> } };
      alarms: {
        get(name: string): Promise<{ scheduledTime: number; periodInMinutes?: number }>;
        create(name: string, info: object): Promise<void>;
      };
    };
    const { storage, alarms } = (globalThis as unknown as { chrome: Chrome }).chrome;
    const { pollStatus, usageSnapshot } = await storage.local.get(['pollStatus', 'usageSnapshot']);
    await storage.local.set({
      pollStatus: { ...pollStatus, checkedAt: pollStatus!.checkedAt + by, nextAt: pollStatus!.nextAt + by },
      usageSnapshot: { ...usageSnapshot, fetchedAt: usageSnapshot!.fetchedAt + by },
    });
    const alarm = await alarms.get('poll-usage');
    await alarms.create('poll-usage', { when: alarm.scheduledTime + by, periodInMinutes: alarm.periodInMinutes });
  }, ms);
}

test('a clock set back 3 hours holds Refresh for the gap, not the jump, and the next check stays within an interval', async ({
  api,
  extension,
  saveKey,
  openPopup,
}) => {
  // Every 15 minutes, chosen: the interval the next check must stay within is then exact.
  await seedStorage(extension.context, {
    insightSettings: {
      renewalDay: null,
      notify: { runOut: true, compressionsUsedUp: true, keyRejected: true, creditsBack: false },
      badge: 'credits',
      checkEveryMinutes: 15,
    },
    insightSettings$: { v: 1 },
  });
  await saveKey();
  await setClockBack(extension.context, 3 * HOUR);
  expect((await pollAlarmTime(extension.context))! - Date.now()).toBeGreaterThan(3 * HOUR);

  const popup = await openPopup();
  await expect(popup.getByText('Updated now')).toBeVisible();
  const refresh = popup.locator('button.refresh');
  await expect(refresh).toHaveAccessibleName(/^Refresh at/);
  // The popup's opening pulled the times back: the alarm is set again, within one interval.
  await expect
    .poll(async () => (await pollAlarmTime(extension.context))! - Date.now())
    .toBeLessThanOrEqual(15 * 60_000);

  // A minute on, Refresh works again.
  await ageLastCheck(extension.context);
  await expect(refresh).toBeEnabled();
  const before = api.usageRequests().length;
  await refresh.click();
  await expect.poll(() => api.usageRequests().length).toBe(before + 1);
  await expect(popup.getByText('Updated now')).toBeVisible();
});
