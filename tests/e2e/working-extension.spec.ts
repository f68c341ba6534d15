import { dismissNotification, shownNotifications } from '../support/extension';
import { test, expect, ageLastCheck, expectBadge, closeOptionsTabs, removeAccount, KEY, KEY_ACCOUNT } from './fixtures';

test.describe('first use', () => {
  test('opens the options page on install', async ({ extension }) => {
    await expect
      .poll(() => extension.context.pages().map((page) => page.url()))
      .toContain(extension.url('options.html'));
  });

  test('the popup button leads to the options page', async ({ extension, openPopup }) => {
    await closeOptionsTabs(extension);
    const popup = await openPopup();
    const opened = extension.context.waitForEvent('page', (page) => page.url() === extension.url('options.html'));
    const closed = popup.waitForEvent('close');
    // The popup closes itself once the options page is open, possibly before the click returns.
    await popup
      .getByRole('button', { name: 'Set API key' })
      .click()
      .catch(() => undefined);
    await closed;
    await expect((await opened).getByRole('heading', { name: 'FluxImage Companion settings' })).toBeVisible();
  });

  test('invites the user to set a key, and asks FluxImage nothing', async ({ api, badge, openPopup }) => {
    await expectBadge(badge, '?');
    expect((await badge()).title).toContain('add your API key');
    const popup = await openPopup();
    await expect(popup.getByRole('heading', { name: 'Connect your FluxImage account' })).toBeVisible();
    await expect(popup.getByRole('button', { name: 'Set API key' })).toBeVisible();
    expect(api.usageRequests()).toEqual([]);
  });
});

test.describe('saving a key', () => {
  test('verifies it, sends it as a Bearer token and shows the credits on the badge', async ({
    api,
    badge,
    saveKey,
  }) => {
    const options = await saveKey(`  Bearer ${KEY}\n`);
    await expect(options.getByText('Connected: Pro plan, 1,080 AI credits left.')).toBeVisible();
    await expect(options.getByText('Saved key: flx_live_a3f9…b2c1')).toBeVisible();
    expect(api.usageRequests()[0]).toMatchObject({ authorization: `Bearer ${KEY}`, cookie: undefined });
    await expectBadge(badge, '1k');
    expect((await badge()).title).toContain('1,080 AI credits left (120 of 1,000 monthly used, 200 top-up)');
  });

  test('explains a malformed key without sending it anywhere', async ({ api, saveKey }) => {
    const options = await saveKey('flx_live_1234');
    await expect(options.getByRole('alert')).toHaveText(/40 characters after flx_live_/);
    expect(api.usageRequests()).toEqual([]);
  });
});

test.describe('the popup', () => {
  test('shows every figure of the account, with top-up packs and the dashboard', async ({
    api,
    saveKey,
    openPopup,
  }) => {
    api.setUsage({ ia_credits_remaining: 1080, compressor_used: 45 });
    await saveKey();
    const popup = await openPopup();
    await expect(popup.getByText('Pro plan')).toBeVisible();
    await expect(popup.getByLabel('AI credits left', { exact: true })).toHaveText('1,080');
    await expect(popup.getByText('120 of 1,000 used').first()).toBeVisible();
    await expect(popup.getByRole('progressbar', { name: 'Monthly AI credits' })).toHaveAttribute(
      'aria-valuenow',
      '120',
    );
    await expect(popup.locator('.figure', { hasText: 'Top-up credits' })).toContainText('200');
    await expect(popup.getByText('45 used · Unlimited')).toBeVisible();
    await expect(popup.getByText('Compressing: available')).toBeVisible();
    await expect(popup.getByText('AI features: available')).toBeVisible();
    await expect(popup.getByText(/^Updated (now|\d+ seconds? ago)$/)).toBeVisible();
    for (const pack of ['Small', 'Medium', 'Large']) {
      await expect(popup.getByRole('link', { name: `${pack} pack` })).toHaveAttribute(
        'href',
        `https://fluximage.app/checkout/topup-${pack.toLowerCase()}`,
      );
    }
    await expect(popup.getByRole('link', { name: 'FluxImage dashboard' })).toHaveAttribute(
      'href',
      'https://fluximage.app/',
    );
    await expect(popup.getByRole('button', { name: /^Refresh/ })).toBeVisible();
  });

  test('shows limited compressions and unavailable features on a starter plan', async ({ api, saveKey, openPopup }) => {
    api.setUsage({
      plan: 'starter',
      compressor_used: 200,
      compressor_limit: 200,
      ia_credits_used: 200,
      ia_credits_monthly: 200,
      ia_topup_credits: 0,
      ia_credits_remaining: 0,
      canCompress: false,
      canUseIA: false,
      topups: { small: 'javascript:alert(1)', medium: 'http://fluximage.app/x', large: 'https://evil.example/x' },
    });
    await saveKey();
    const popup = await openPopup();
    await expect(popup.getByText('Starter plan')).toBeVisible();
    await expect(popup.getByText('200 of 200 used')).toHaveCount(2);
    await expect(popup.getByText('No AI credits left.')).toBeVisible();
    await expect(popup.getByText('Compressing: limit reached')).toBeVisible();
    await expect(popup.getByText('AI features: unavailable')).toBeVisible();
    await expect(popup.getByRole('link', { name: /pack/ })).toHaveCount(0);
  });

  test('refreshes when opened and when asked, but not within a minimum gap', async ({
    api,
    extension,
    saveKey,
    openPopup,
    badge,
  }) => {
    await saveKey();
    api.setUsage({ ia_credits_remaining: 950 });
    // Right after the key was checked, opening the popup asks FluxImage nothing.
    const early = await openPopup();
    await expect(early.getByRole('button', { name: /^Refresh at/ })).toBeDisabled();
    await early.close();
    expect(api.usageRequests()).toHaveLength(1);
    await ageLastCheck(extension.context);
    const popup = await openPopup();
    await expect(popup.getByLabel('AI credits left', { exact: true })).toHaveText('950');
    api.setUsage({ ia_credits_remaining: 940 });
    await ageLastCheck(extension.context);
    await popup.getByRole('button', { name: 'Refresh', exact: true }).click();
    await expect(popup.getByLabel('AI credits left', { exact: true })).toHaveText('940');
    await expectBadge(badge, '940');
    expect(api.usageRequests()).toHaveLength(3);
  });
});

test('the popup does not move when the refresh answer lands', async ({ api, extension, saveKey }) => {
  const options = await saveKey();
  await expect(options.getByText(/^Connected:/)).toBeVisible();
  await ageLastCheck(extension.context);
  api.setDelay(500);
  api.setUsage({ ia_credits_remaining: 98_765, ia_credits_used: 990 });
  const popup = await extension.context.newPage();
  await popup.addInitScript(() => {
    const state = globalThis as unknown as { layoutShift: number };
    state.layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.layoutShift += (entry as PerformanceEntry & { value: number }).value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await popup.goto(extension.url('popup.html'));
  await expect(popup.getByRole('button', { name: 'Refreshing…' })).toBeVisible();
  await expect(popup.getByLabel('AI credits left', { exact: true })).toHaveText('98,765');
  await expect(popup.getByRole('button', { name: /^Refresh at/ })).toBeVisible();
  expect(await popup.evaluate(() => (globalThis as unknown as { layoutShift: number }).layoutShift)).toBe(0);
});

test.describe('when FluxImage says no', () => {
  test('a rejected key clears the number and says to check the key', async ({
    api,
    extension,
    saveKey,
    openPopup,
    badge,
  }) => {
    await saveKey();
    await expectBadge(badge, '1k');
    api.rejectKey(KEY);
    await ageLastCheck(extension.context);
    const popup = await openPopup();
    await expect(popup.getByRole('alert')).toHaveText('FluxImage rejected the API key. Check it in the options.');
    await expectBadge(badge, '!');
    expect((await badge()).title).toBe('FluxImage rejected the API key. Check it in the options.');
    await expect(popup.getByLabel('AI credits left', { exact: true })).toHaveCount(0);
  });

  test('a key rejected while saving is not stored', async ({ api, saveKey, badge }) => {
    api.rejectKey(KEY);
    const options = await saveKey();
    await expect(options.getByRole('alert')).toContainText('FluxImage rejected this key');
    await expect(options.getByText(/^Saved key:/)).toHaveCount(0);
    await expectBadge(badge, '?');
  });

  test('a server error after a good poll keeps the number, marked stale', async ({
    api,
    extension,
    saveKey,
    openPopup,
    badge,
  }) => {
    await saveKey();
    await expectBadge(badge, '1k');
    const normal = (await badge()).color;
    api.setFault('server-error');
    await ageLastCheck(extension.context);
    const popup = await openPopup();
    await expect(popup.getByRole('status').first()).toContainText("FluxImage's server is having trouble. Retrying at");
    await expect(popup.getByLabel('AI credits left', { exact: true })).toHaveText('1,080');
    await expect.poll(async () => (await badge()).title).toContain('Updates failing since');
    const stale = await badge();
    expect(stale.text).toBe('1k');
    expect(stale.color).not.toEqual(normal);
  });
});

test.describe('low-credit notification', () => {
  test('fires once when credits cross the threshold, once more at zero', async ({
    api,
    extension,
    saveKey,
    openPopup,
    badge,
  }) => {
    const notifications = () => shownNotifications(extension.context);
    const dismiss = () => dismissNotification(extension.context, 'fluximage-credits');
    const refreshTo = async (remaining: number, badgeText: string) => {
      api.setUsage({ ia_credits_remaining: remaining });
      await ageLastCheck(extension.context);
      const popup = await openPopup();
      await expectBadge(badge, badgeText);
      await popup.close();
    };

    await saveKey();
    await expectBadge(badge, '1k');
    expect(await notifications()).toEqual([]);
    await refreshTo(100, '100');
    await expect.poll(notifications).toEqual(['fluximage-credits']);
    await dismiss();
    await refreshTo(60, '60');
    expect(await notifications()).toEqual([]);
    await refreshTo(0, '0');
    await expect.poll(notifications).toEqual(['fluximage-credits']);
  });
});

test.describe('settings', () => {
  test('removing the account clears the badge and the popup', async ({ saveKey, openPopup, badge }) => {
    const options = await saveKey();
    await expectBadge(badge, '1k');
    await removeAccount(options, KEY_ACCOUNT);
    await expect(
      options.getByText(`${KEY_ACCOUNT} was removed: its key, numbers and history are deleted.`),
    ).toBeVisible();
    // The page is the first-run form again.
    await expect(options.getByLabel('API key', { exact: true })).toBeVisible();
    await expectBadge(badge, '?');
    const popup = await openPopup();
    await expect(popup.getByRole('heading', { name: 'Connect your FluxImage account' })).toBeVisible();
  });

  test('a custom threshold turns the badge amber, and notifications can be turned off', async ({
    api,
    extension,
    saveKey,
    openPopup,
    badge,
  }) => {
    const options = await saveKey();
    await expectBadge(badge, '1k');
    const normal = (await badge()).color;
    // Each setting saves itself: the threshold when the field is left, the checkbox when clicked.
    await options.getByLabel('Warn me at or below this many AI credits').fill('2000');
    await options.getByLabel('Show a desktop notification when AI credits run low').uncheck();
    await expect(options.locator('.save-note', { hasText: 'Saved' })).toBeVisible();
    await expect(options.getByLabel('Warn me at or below this many AI credits')).toHaveValue('2000');
    await expect.poll(async () => (await badge()).color).not.toEqual(normal);
    expect((await badge()).title).toContain('Low: at or under your alert threshold of 2,000.');
    api.setUsage({ ia_credits_remaining: 900 });
    await ageLastCheck(extension.context);
    const popup = await openPopup();
    await expectBadge(badge, '900');
    await expect(popup.getByText('Low: at or under your alert threshold of 2,000.')).toBeVisible();
    expect(await shownNotifications(extension.context)).toEqual([]);
  });

  test('a threshold that is not a whole number is refused with a message', async ({ openOptions }) => {
    const options = await openOptions();
    const threshold = options.getByLabel('Warn me at or below this many AI credits');
    await threshold.fill('ten');
    await threshold.press('Enter');
    await expect(options.getByRole('alert')).toHaveText(/Enter a whole number of credits/);
    await expect(threshold).toHaveValue('ten');
  });
});
