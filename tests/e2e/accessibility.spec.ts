import type { Page } from '@playwright/test';
import { launchExtension, readBadge, saveKeyInOptions } from '../support/extension';
import {
  test,
  expect,
  expectNoViolations,
  ageLastCheck,
  expectBadge,
  firePollAlarm,
  closeOptionsTabs,
  storedData,
  KEY,
} from './fixtures';
import { WORDS, type PollStatus } from './words';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

for (const lang of ['en', 'es'] as const) {
  test(`popup and options pass axe in every state, light and dark (${lang})`, async ({ api }) => {
    test.setTimeout(150_000);
    api.reset();
    const extension = await launchExtension(process.env.E2E_EXTENSION_DIR!, { lang });
    const { context } = extension;
    const open = async (page: 'popup.html' | 'options.html', hash = '') => {
      const opened = await context.newPage();
      await opened.goto(extension.url(page) + hash);
      await opened.locator('#app > *').first().waitFor();
      return opened;
    };
    const check = async (state: string) => {
      const popup = await open('popup.html');
      await expectNoViolations(popup, `popup, ${state}`);
      await popup.close();
      const options = await open('options.html');
      await options.locator('#api-key').waitFor();
      await expectNoViolations(options, `options, ${state}`);
      await options.close();
    };
    const pollUntil = async (state: (status: PollStatus | undefined) => boolean) => {
      await firePollAlarm(context);
      await expect.poll(async () => state((await storedData(context)).local.pollStatus as PollStatus)).toBe(true);
    };
    try {
      await check('no key');

      const options = await saveKeyInOptions(extension, KEY);
      await expectNoViolations(options, 'options, connected message');
      await check('data');

      api.setUsage({ ia_credits_remaining: 50 });
      await firePollAlarm(context);
      await expect.poll(async () => (await readBadge(context)).text).toBe('50');
      await check('low');

      api.setUsage({ plan: 'starter', compressor_used: 200, compressor_limit: 200, canCompress: false });
      await firePollAlarm(context);
      await expect
        .poll(async () => (await storedData(context)).local.usageSnapshot)
        .toMatchObject({
          usage: { canCompress: false },
        });
      await check('compressions used up');

      api.setUsage({ ia_credits_remaining: 0, canUseIA: false });
      await firePollAlarm(context);
      await expect.poll(async () => (await readBadge(context)).text).toBe('0');
      await check('empty');

      api.setFault('server-error');
      await pollUntil((status) => status?.kind === 'server');
      await check('stale');

      api.setFault('unauthorized');
      await pollUntil((status) => status?.kind === 'unauthorized');
      await check('rejected key');
      // The link the single-key releases opened still leads to the key: the account's Replace key field.
      const updating = await open('options.html', '#update-key');
      const newKey = updating.getByLabel(WORDS[lang].replaceKeyField(WORDS[lang].rejectedKeyAccount), { exact: true });
      await expect(newKey).toBeFocused();
      await expect(newKey).toHaveAccessibleDescription(new RegExp(`^${escapeRegExp(WORDS[lang].rejectedReason)}`));
      await expectNoViolations(updating, 'options, update the rejected key');

      await options.locator('#api-key').fill('not a key');
      await options.locator('button[type=submit]').first().click();
      await options.locator('#api-key[aria-invalid=true]').waitFor();
      await expectNoViolations(options, 'options, invalid key');
    } finally {
      await extension.close();
    }
  });
}

test('the whole flow works from the keyboard alone', async ({ extension, openOptions, openPopup, badge }) => {
  const options = await openOptions();
  await options.keyboard.press('Tab');
  await expect(options.getByLabel('API key', { exact: true })).toBeFocused();
  await options.keyboard.type(KEY);
  await options.keyboard.press('Tab');
  await expect(options.getByRole('button', { name: 'Show key' })).toBeFocused();
  await options.keyboard.press('Space');
  await expect(options.getByLabel('API key', { exact: true })).toHaveAttribute('type', 'text');
  await options.keyboard.press('Shift+Tab');
  await options.keyboard.press('Enter');
  await expect(options.getByText('Connected: Pro plan, 1,080 AI credits left.')).toBeVisible();
  await expectBadge(badge, '1k');

  // Threshold and notifications by keyboard: each saves itself, the threshold once the field is left.
  await options.getByLabel('Warn me at or below this many AI credits').focus();
  await options.keyboard.type('2000');
  await options.keyboard.press('Tab');
  await expect(options.locator('#threshold-note')).toHaveText('Saved');
  await options.keyboard.press('Space');
  await expect(options.getByLabel('Show a desktop notification when AI credits run low')).not.toBeChecked();
  await expect(options.locator('.save-note', { hasText: 'Saved' })).toBeVisible();

  await closeOptionsTabs(extension);
  await ageLastCheck(extension.context);
  const popup = await openPopup();
  await expect(popup.getByText('Low: at or under your alert threshold of 2,000.')).toBeVisible();
  // The popup's own check has landed; a minute later Refresh may be used again.
  await expect(popup.getByRole('button', { name: /^Refresh at/ })).toBeDisabled();
  await ageLastCheck(extension.context);
  const focusOrder: string[] = [];
  for (let i = 0; i < 8; i += 1) {
    await popup.keyboard.press('Tab');
    focusOrder.push(await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText.trim() ?? ''));
  }
  expect(focusOrder).toEqual([
    'Small pack',
    'Medium pack',
    'Large pack',
    // Under the 30-day line: the usage page.
    'Usage history',
    'set it in Settings',
    'Refresh',
    'FluxImage dashboard',
    'Settings',
  ]);
  await popup.getByRole('button', { name: 'Refresh', exact: true }).focus();
  await popup.keyboard.press('Enter');
  await expect(popup.getByRole('button', { name: /^Refresh at/ })).toBeVisible();
  const settings = extension.context.waitForEvent('page', (page) => page.url().endsWith('/options.html'));
  await popup.getByRole('button', { name: 'Settings', exact: true }).focus();
  const closed = popup.waitForEvent('close');
  // The popup closes itself once the options page is open, possibly before the key press returns.
  await popup.keyboard.press('Enter').catch(() => undefined);
  expect((await settings).url()).toBe(extension.url('options.html'));
  await closed;
});

for (const lang of ['en', 'es'] as const) {
  test(`the main action of each state works from the keyboard (${lang})`, async ({ api }) => {
    const words = WORDS[lang];
    api.reset();
    const extension = await launchExtension(process.env.E2E_EXTENSION_DIR!, { lang });
    const { context } = extension;
    const pollUntil = async (state: (status: PollStatus | undefined) => boolean) => {
      await firePollAlarm(context);
      await expect.poll(async () => state((await storedData(context)).local.pollStatus as PollStatus)).toBe(true);
    };
    const openPopup = async () => {
      const popup = await context.newPage();
      await popup.goto(extension.url('popup.html'));
      await popup.locator('#app > *').first().waitFor();
      return popup;
    };
    const tabThrough = async (popup: Page, count: number) => {
      const names: string[] = [];
      for (let i = 0; i < count; i += 1) {
        await popup.keyboard.press('Tab');
        names.push(await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText.trim() ?? ''));
      }
      return names;
    };
    try {
      await saveKeyInOptions(extension, KEY);

      // No credits left and compressions used up: the packs first, then the plans.
      api.setUsage({
        plan: 'starter',
        compressor_used: 200,
        compressor_limit: 200,
        canCompress: false,
        ia_credits_remaining: 0,
      });
      await firePollAlarm(context);
      await expect.poll(async () => (await readBadge(context)).text).toBe('0');
      const empty = await openPopup();
      expect(await tabThrough(empty, 4)).toEqual([...words.packs, words.plans]);
      await empty.close();

      // Updates failing: Refresh (held back for a moment after each try) is described by when it last tried.
      api.setFault('server-error');
      await pollUntil((status) => status?.kind === 'server');
      const stale = await openPopup();
      const refresh = stale.getByRole('button', { name: new RegExp(`^${words.refresh}`) });
      await expect(refresh).toHaveAccessibleDescription(new RegExp(`^${words.lastTried('')}`));
      await stale.close();

      // A rejected key: the first stop is "Update your key"; Enter leads to the account's new key field, ready to type.
      api.setFault('unauthorized');
      await pollUntil((status) => status?.kind === 'unauthorized');
      const rejected = await openPopup();
      expect(await tabThrough(rejected, 2)).toEqual([words.updateKey, words.dashboard]);
      await rejected.keyboard.press('Shift+Tab');
      const opened = context.waitForEvent('page', (page) => page.url().includes('/options.html'));
      await rejected.keyboard.press('Enter').catch(() => undefined);
      const options = await opened;
      await expect(options.getByLabel(words.replaceKeyField(words.rejectedKeyAccount), { exact: true })).toBeFocused();
      api.setFault(null);
      await options.keyboard.type(KEY);
      await options.keyboard.press('Enter');
      await expect(options.getByText(words.connected)).toBeVisible();
    } finally {
      await extension.close();
    }
  });
}

test('focus is always visible', async ({ openOptions }) => {
  const options = await openOptions();
  await options.keyboard.press('Tab');
  const outline = await options.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none');
});
