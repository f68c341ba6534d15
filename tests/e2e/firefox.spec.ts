// The extension in real Firefox ESR, under Playwright's runner (see tests/support/firefox.ts).
import { hostPermissionFor } from '../../lib/account/api-origin';
import { sampleHistoryStorage } from '../fake-api/sample-history';
import {
  ageLastCheck,
  clickButton,
  replaceKeyIn,
  revokeAccess,
  storedKey,
  submitKey,
  text,
  waitForText,
  withFirefox,
} from '../support/firefox';
import { test, expect, KEY } from './fixtures';

test('in Firefox ESR: save a key, see the badge and the popup', async ({ api }) => {
  test.setTimeout(90_000);
  api.reset();
  await withFirefox(async (firefox) => {
    const options = await firefox.open('options.html');
    await submitKey(options, KEY);
    await waitForText(options, 'Connected: Pro plan, 1,080 AI credits left.');
    expect(api.usageRequests()[0]?.authorization).toBe(`Bearer ${KEY}`);

    await expect.poll(async () => (await firefox.badge(options)).text).toBe('1k');
    expect((await firefox.badge(options)).title).toContain('1,080 AI credits left');

    const popup = await firefox.open('popup.html');
    await waitForText(popup, '1,080');
    const shown = await text(popup);
    for (const expected of [
      'Pro plan',
      'AI credits left',
      '120 of 1,000 used',
      'Top-up credits',
      '45 used · Unlimited',
      'Compressing: available',
      'AI features: available',
      'Small pack',
      'FluxImage dashboard',
    ]) {
      expect(shown).toContain(expected);
    }
  });
});

test('in Firefox ESR: access to FluxImage revoked, then allowed again from the popup', async ({ api }) => {
  test.setTimeout(90_000);
  api.reset();
  await withFirefox(async (firefox) => {
    const options = await firefox.open('options.html');
    await submitKey(options, KEY);
    await waitForText(options, 'Connected: Pro plan');
    await expect.poll(async () => (await firefox.badge(options)).text).toBe('1k');
    const connected = await firefox.badge(options);

    // What the add-on manager's permission switch does, through the extension's own API.
    const origins = [hostPermissionFor(api.origin)];
    await options.evaluate(async (remove) => {
      type Permissions = { remove(p: { origins: string[] }): Promise<boolean> };
      await (globalThis as unknown as { browser: { permissions: Permissions } }).browser.permissions.remove({
        origins: remove,
      });
    }, origins);

    await expect.poll(async () => (await firefox.badge(options)).title).toContain('Access to 127.0.0.1 is off.');
    const off = await firefox.badge(options);
    expect(off.text).toBe('1k');
    expect(off.color).not.toEqual(connected.color);
    await waitForText(options, 'Access to 127.0.0.1 is off.');

    // A minute later, as far as the extension knows: opening the popup would ask for fresh numbers.
    await options.evaluate(async () => {
      type Local = {
        get(key: string): Promise<{ pollStatus: { checkedAt: number } }>;
        set(value: object): Promise<void>;
      };
      const { local } = (globalThis as unknown as { browser: { storage: { local: Local } } }).browser.storage;
      const { pollStatus } = await local.get('pollStatus');
      await local.set({ pollStatus: { ...pollStatus, checkedAt: pollStatus.checkedAt - 60_000 } });
    });
    const popup = await firefox.open('popup.html');
    await waitForText(popup, 'Access to 127.0.0.1 is off.');
    expect(await text(popup)).toContain('1,080');
    // Nothing reached FluxImage after the save: not the popup's refresh, not even a CORS preflight.
    expect(api.usageRequests()).toHaveLength(1);

    await popup.click('.access-notice button');
    await waitForText(popup, 'Access allowed.');
    await expect.poll(() => api.usageRequests().length).toBe(2);
    await expect.poll(async () => (await firefox.badge(popup)).title).not.toContain('is off');
    expect((await firefox.badge(popup)).color).toEqual(connected.color);
  });
});

test('in Firefox ESR: a popup opened while a rolled key is being saved does not undo the save', async ({ api }) => {
  test.setTimeout(90_000);
  api.reset();
  const rolled = `flx_live_${'b'.repeat(40)}`;
  await withFirefox(async (firefox) => {
    const options = await firefox.open('options.html');
    await submitKey(options, KEY);
    await waitForText(options, 'Connected: Pro plan');
    await expect.poll(async () => (await firefox.badge(options)).text).toBe('1k');

    // The key is rolled in the dashboard: the old one is refused at once, and FluxImage is slow.
    api.rejectKey(KEY);
    api.setUsageFor(rolled, { ia_credits_remaining: 333 });
    api.setDelay(3_000);
    await ageLastCheck(options);
    await replaceKeyIn(options, 'a0', rolled);
    await waitForText(options, 'Checking the key…');
    // Opened meanwhile, the popup asks for fresh numbers with the key still stored: the old one.
    const popup = await firefox.open('popup.html');
    await expect.poll(() => api.usageRequests().length).toBe(3);
    expect(api.usageRequests()[2]?.authorization).toBe(`Bearer ${KEY}`);
    await waitForText(options, 'Connected: Pro plan, 333 AI credits left.');
    // The popup's check is over once Refresh waits out the gap after the save's check.
    await waitForText(popup, 'Refresh at');
    const shown = await text(popup);
    expect(shown).toContain('333');
    expect(shown).not.toContain('FluxImage rejected');
    expect((await firefox.badge(popup)).text).toBe('333');
  });
});

test('in Firefox ESR: access revoked while a check is on its way stays off when the answer comes', async ({ api }) => {
  test.setTimeout(90_000);
  api.reset();
  await withFirefox(async (firefox) => {
    const options = await firefox.open('options.html');
    await submitKey(options, KEY);
    await waitForText(options, 'Connected: Pro plan');
    await expect.poll(async () => (await firefox.badge(options)).text).toBe('1k');

    await ageLastCheck(options);
    api.setDelay(3_000);
    // Opening the popup asks for fresh numbers; FluxImage is slow to answer.
    const popup = await firefox.open('popup.html');
    await expect.poll(() => api.usageRequests().length).toBe(2);
    await revokeAccess(popup, [hostPermissionFor(api.origin)]);
    await waitForText(popup, 'Access to 127.0.0.1 is off.');
    // The check is over once Refresh waits out the gap after it.
    await waitForText(popup, 'Refresh at');
    const shown = await text(popup);
    expect(shown).toContain('Access to 127.0.0.1 is off.');
    expect(shown).toContain('Allow access');
    expect((await firefox.badge(popup)).title).toContain('Access to 127.0.0.1 is off.');
  });
});

test('in Firefox ESR: removing the account while its new key is being checked keeps it removed', async ({ api }) => {
  test.setTimeout(90_000);
  api.reset();
  await withFirefox(async (firefox) => {
    const saving = await firefox.open('options.html');
    await submitKey(saving, KEY);
    await waitForText(saving, 'Connected: Pro plan');

    api.setDelay(2_500);
    await replaceKeyIn(saving, 'a0', `flx_live_${'b'.repeat(40)}`);
    await waitForText(saving, 'Checking the key…');
    const removing = await firefox.open('options.html');
    await waitForText(removing, 'Remove');
    await clickButton(removing, 'Remove', '#account-a0');
    await clickButton(removing, 'Remove Pro ··b2c1', '#account-a0');
    await waitForText(removing, 'Pro ··b2c1 was removed');
    await waitForText(saving, 'This account was removed in another window, so the key was not saved.');
    expect(await storedKey(saving)).toBeNull();
    await expect.poll(async () => (await firefox.badge(saving)).text).toBe('?');
  });
});

test('in Firefox ESR: the popup shows the forecast, the daily allowance and the 30-day line from a stored history, and the usage page opens', async ({
  api,
}) => {
  test.setTimeout(90_000);
  api.reset();
  await withFirefox(async (firefox) => {
    const options = await firefox.open('options.html');
    await options.evaluate(
      async (items) => {
        type Local = { set(value: object): Promise<void> };
        await (globalThis as unknown as { browser: { storage: { local: Local } } }).browser.storage.local.set(items);
      },
      sampleHistoryStorage(Date.now(), { daysSinceReset: 9 }),
    );
    await submitKey(options, KEY);
    await waitForText(options, 'Connected: Pro plan');

    const popup = await firefox.open('popup.html');
    await waitForText(popup, 'Enough until your reset on');
    const shown = await text(popup);
    expect(shown).toMatch(/Monthly credits reset in \d+ days \(\w{3} \d{1,2}\)/);
    expect(shown).toMatch(/At this pace, your AI credits last about \d+ more days/);
    expect(shown).toMatch(/You can spend about \d+ AI credits a day until your reset on \w{3} \d{1,2}/);
    expect(shown).toMatch(
      /12% of this month's AI credits used, \d+% of the month gone\. Spending slower than an even pace\./,
    );
    const label = await popup.evaluate(() => document.querySelector('svg.sparkline')?.getAttribute('aria-label'));
    expect(label).toMatch(/^AI credits left over the last 30 days: from [\d,]+ to 1,080/);

    // The usage page opens on the account, with both charts and the billing periods.
    const usage = await firefox.open('usage.html#account=a0');
    await waitForText(usage, 'now (in progress)');
    const page = await text(usage);
    for (const expected of ['Usage history', 'AI credits left', 'AI credits spent per day', 'Billing periods']) {
      expect(page).toContain(expected);
    }
    const charts = await usage.evaluate(() =>
      [...document.querySelectorAll('svg[role="img"]')].map((svg) => svg.getAttribute('aria-label')),
    );
    expect(charts).toEqual([
      expect.stringMatching(/^AI credits left over the last 30 days: from [\d,]+ to 1,080/),
      expect.stringMatching(/^AI credits spent per day over the last 30 days: [\d,]+ in all/),
    ]);
  });
});

test('in Firefox ESR: a hostile plan, -0 and damaged storage leave the popup whole', async ({ api }) => {
  test.setTimeout(90_000);
  api.reset();
  api.setUsage({ plan: 'constructor' });
  await withFirefox(async (firefox) => {
    const options = await firefox.open('options.html');
    await submitKey(options, KEY);
    await waitForText(options, 'Connected: Constructor plan, 1,080 AI credits left.');

    // FluxImage is down from here on, so what the popup shows is what storage holds.
    api.setFault('server-error');
    const write = (items: Record<string, unknown>) =>
      options.evaluate(async (values) => {
        const api = (globalThis as unknown as { browser: { storage: { local: { set(i: object): Promise<void> } } } })
          .browser;
        await api.storage.local.set(values);
      }, items);
    const read = () =>
      options.evaluate(async () => {
        const api = (globalThis as unknown as { browser: { storage: { local: { get(k: string): Promise<object> } } } })
          .browser;
        return ((await api.storage.local.get('usageSnapshot')) as { usageSnapshot: Record<string, unknown> })
          .usageSnapshot;
      });
    const snapshot = (await read()) as { usage: Record<string, unknown>; fetchedAt: number };
    // Firefox's storage keeps -0 as -0 (Chromium's JSON storage turns it into 0).
    await write({
      usageSnapshot: { ...snapshot, usage: { ...snapshot.usage, remainingCredits: -0, plan: '__proto__' } },
    });

    const popup = await firefox.open('popup.html');
    await waitForText(popup, '__proto__ plan');
    const credits = await popup.evaluate(() => document.querySelector('.credits')?.textContent);
    expect(credits).toBe('0');
    expect(await text(popup)).toContain('Refresh');

    await write({
      usageSnapshot$: { v: -1e12 },
      pollStatus$: { v: 1 },
      pollStatus: { kind: 'server', checkedAt: 1e16, since: 1e16, attempts: 1, nextAt: 1e16 },
    });
    const damaged = await firefox.open('popup.html');
    await waitForText(damaged, 'Refresh');
    const shown = await text(damaged);
    expect(shown).toContain('Settings');
    expect(shown).not.toContain('Invalid');
  });
});
