// Two accounts in real Firefox ESR: added through the options page, switched in the popup.
import { OTHER_KEY } from '../support/keys';
import { waitFor, waitForText, withFirefox } from '../support/firefox';
import { expect, KEY, test } from './fixtures';

test('in Firefox ESR: two accounts, switched in the popup, the low one notified by name', async ({ api }) => {
  test.setTimeout(120_000);
  api.reset();
  api.setUsageFor(OTHER_KEY, { ia_credits_used: 910, ia_topup_credits: 0, ia_credits_remaining: 90 });
  await withFirefox(async (firefox) => {
    const options = await firefox.open('options.html');
    for (const [key, name, heard] of [
      [KEY, 'Client A', 'Connected: Pro plan, 1,080 AI credits left.'],
      [OTHER_KEY, 'Client B', 'Connected: Pro plan, 90 AI credits left.'],
    ] as const) {
      await waitFor(async () => {
        for (const field of ['#api-key', '#account-name']) {
          await options.evaluate((selector) => {
            (document.querySelector(selector) as HTMLInputElement).value = '';
          }, field);
        }
        await options.type('#api-key', key);
        await options.type('#account-name', name);
        await options.click('.add-account button[type=submit]');
        return true;
      });
      await waitForText(options, heard);
    }
    await expect.poll(async () => (await firefox.badge(options)).text).toBe('90');
    const { title } = await firefox.badge(options);
    expect(title).toContain('Client A: 1,080 AI credits left');
    expect(title).toContain('Client B: 90 AI credits left (low)');

    const notifications = () =>
      options.evaluate(async () => {
        type Notifications = { getAll(): Promise<Record<string, unknown>> };
        const { browser } = globalThis as unknown as { browser: { notifications: Notifications } };
        return Object.keys(await browser.notifications.getAll());
      });
    await expect.poll(notifications).toEqual(['fluximage-credits.a1']);

    const popup = await firefox.open('popup.html');
    await waitForText(popup, 'Client A');
    /** The selected tab's text and the credits its panel shows. */
    const shown = () =>
      popup.evaluate(() => ({
        selected: document.querySelector('[role=tab][aria-selected=true]')?.textContent ?? '',
        credits: document.querySelector('[role=tabpanel] .credits')?.textContent ?? '',
      }));
    await expect.poll(shown).toEqual({ selected: expect.stringContaining('Client B'), credits: '90' });
    await popup.evaluate(() => {
      const tabs = [...document.querySelectorAll<HTMLElement>('[role=tab]')];
      tabs.find((tab) => tab.textContent?.includes('Client A'))?.click();
    });
    await expect.poll(shown).toEqual({ selected: expect.stringContaining('Client A'), credits: '1,080' });
  });
});
