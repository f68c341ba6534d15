import {
  dismissNotification,
  launchExtension,
  readBadge,
  shownNotifications,
  stopServiceWorker,
} from '../support/extension';
import {
  test,
  expect,
  ageLastCheck,
  expectBadge,
  firePollAlarm,
  removeAccount,
  storedData,
  KEY,
  KEY_ACCOUNT,
} from './fixtures';

type ChromeInPage = {
  chrome: {
    alarms: { get(name: string): Promise<{ scheduledTime: number } | undefined> };
    notifications: { getAll(): Promise<object>; clear(id: string): Promise<boolean> };
  };
};

test.describe('restarts and lifecycles', () => {
  test('a stopped service worker wakes with its schedule and badge intact', async ({
    api,
    extension,
    saveKey,
    openPopup,
    badge,
  }) => {
    await saveKey();
    await expectBadge(badge, '1k');
    await ageLastCheck(extension.context);
    await stopServiceWorker(extension.context);
    api.setUsage({ ia_credits_remaining: 777 });
    // Opening the popup wakes the worker; its refresh is the next poll.
    const popup = await openPopup();
    await expect(popup.getByLabel('AI credits left', { exact: true })).toHaveText('777');
    await expectBadge(badge, '777');
    const alarm = await popup.evaluate(() => (globalThis as unknown as ChromeInPage).chrome.alarms.get('poll-usage'));
    expect(alarm?.scheduledTime).toBeGreaterThan(Date.now());
    // And the alarm itself still reaches the woken worker.
    await stopServiceWorker(extension.context);
    api.setUsage({ ia_credits_remaining: 555 });
    await firePollAlarm(extension.context);
    await expectBadge(badge, '555');
  });

  test('a browser restart shows the stored badge before the first new poll, and keeps polling', async ({
    api,
    extension,
    saveKey,
    badge,
  }) => {
    await saveKey();
    await expectBadge(badge, '1k');
    await extension.close({ keepProfile: true });

    // FluxImage is slow to answer after the restart: the badge must not wait for it.
    api.setDelay(8_000);
    api.setUsage({ ia_credits_remaining: 42 });
    const reopened = await launchExtension(process.env.E2E_EXTENSION_DIR!, { userDataDir: extension.userDataDir });
    try {
      // FluxImage answers only after 8 s, so this number can only have come from storage.
      await expect.poll(async () => (await readBadge(reopened.context)).text).toBe('1k');
      const page = await reopened.context.newPage();
      await page.goto(reopened.url('options.html'));
      const alarm = await page.evaluate(() => (globalThis as unknown as ChromeInPage).chrome.alarms.get('poll-usage'));
      expect(alarm).toBeDefined();
      // The start-up poll lands after the delay and updates the badge.
      await expect.poll(async () => (await readBadge(reopened.context)).text, { timeout: 20_000 }).toBe('42');
    } finally {
      await reopened.close();
    }
  });

  test('when the network comes back, opening the popup fetches at once instead of waiting out the back-off', async ({
    api,
    extension,
    saveKey,
    openPopup,
    badge,
  }) => {
    await saveKey();
    api.setFault('drop');
    await firePollAlarm(extension.context);
    await expect.poll(async () => (await badge()).title).toContain("Can't reach FluxImage");
    api.setFault(null);
    api.setUsage({ ia_credits_remaining: 1500 });
    await ageLastCheck(extension.context);
    const popup = await openPopup();
    await expect(popup.getByLabel('AI credits left', { exact: true })).toHaveText('1,500');
    await expect(popup.getByRole('status')).toHaveCount(0);
    await expectBadge(badge, '1.5k');
  });

  test('the popup cannot start a second request while one is in flight, nor right after it', async ({
    api,
    extension,
    saveKey,
    openPopup,
  }) => {
    await saveKey();
    await ageLastCheck(extension.context);
    const before = api.usageRequests().length;
    api.setDelay(1_500);
    const popup = await openPopup();
    const refresh = popup.locator('button.refresh');
    // Opening the popup asks for the numbers; the button waits for that answer.
    await expect(refresh).toHaveAccessibleName('Refreshing…');
    await expect(refresh).toBeDisabled();
    // Then it says when a person may ask again, and stays disabled until then.
    await expect(refresh).toHaveAccessibleName(/^Refresh at \d{1,2}:\d{2}:\d{2}/, { timeout: 10_000 });
    await expect(refresh).toBeDisabled();
    await refresh.click({ force: true });
    expect(api.usageRequests().length - before).toBe(1);
  });

  test('an answer that arrives after the account was removed is thrown away', async ({
    api,
    extension,
    saveKey,
    badge,
  }) => {
    const options = await saveKey();
    await expectBadge(badge, '1k');
    api.setDelay(2_000);
    api.setUsage({ ia_credits_remaining: 321 });
    await firePollAlarm(extension.context);
    await expect.poll(() => api.usageRequests().length).toBe(2);
    await removeAccount(options, KEY_ACCOUNT);
    await expect(options.locator('.account')).toHaveCount(0);
    await expectBadge(badge, '?');
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect((await badge()).text).toBe('?');
    expect((await storedData(extension.context)).local.usageSnapshot).toBeUndefined();
  });

  test('a low-credit notification is not repeated after a worker restart or a browser restart', async ({
    api,
    extension,
    saveKey,
    badge,
  }) => {
    api.setUsage({ ia_credits_remaining: 90 });
    await saveKey();
    await expectBadge(badge, '90');
    await expect.poll(() => shownNotifications(extension.context)).toEqual(['fluximage-credits']);
    await dismissNotification(extension.context, 'fluximage-credits');

    await stopServiceWorker(extension.context);
    api.setUsage({ ia_credits_remaining: 80 });
    await firePollAlarm(extension.context);
    await expectBadge(badge, '80');
    expect(await shownNotifications(extension.context)).toEqual([]);

    await extension.close({ keepProfile: true });
    api.setUsage({ ia_credits_remaining: 70 });
    const reopened = await launchExtension(process.env.E2E_EXTENSION_DIR!, { userDataDir: extension.userDataDir });
    try {
      await firePollAlarm(reopened.context);
      await expect.poll(async () => (await readBadge(reopened.context)).text).toBe('70');
      expect(await shownNotifications(reopened.context)).toEqual([]);
    } finally {
      await reopened.close();
    }
  });
});

test('the key is sent only as a header, never in a URL', async ({ api, saveKey, badge }) => {
  await saveKey();
  await expectBadge(badge, '1k');
  for (const request of api.requests) {
    expect(request.path).toBe('/api/usage');
    expect(request.authorization).toBe(`Bearer ${KEY}`);
  }
});
