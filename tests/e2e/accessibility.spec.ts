import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, ageLastCheck, expectBadge, firePollAlarm, closeOptionsTabs, KEY } from './fixtures';

async function expectNoViolations(page: Page, state: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    const summary = violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(summary, `${state}, ${colorScheme}`).toEqual([]);
  }
}

test('popup and options pass axe in every state, light and dark', async ({
  api,
  extension,
  saveKey,
  openPopup,
  openOptions,
  badge,
}) => {
  test.setTimeout(120_000);
  const check = async (state: string) => {
    const popup = await openPopup();
    await popup.locator('#app > *').first().waitFor();
    await expectNoViolations(popup, `popup, ${state}`);
    await popup.close();
    const options = await openOptions();
    await options.getByLabel('API key', { exact: true }).waitFor();
    await expectNoViolations(options, `options, ${state}`);
    await options.close();
  };

  await check('no key');

  const options = await saveKey();
  await expectBadge(badge, '1k');
  await expectNoViolations(options, 'options, connected message');
  await check('data');

  api.setUsage({ ia_credits_remaining: 50 });
  await firePollAlarm(extension.context);
  await expectBadge(badge, '50');
  await check('low');

  api.setUsage({ ia_credits_remaining: 0, canUseIA: false });
  await firePollAlarm(extension.context);
  await expectBadge(badge, '0');
  await check('empty');

  api.setFault('server-error');
  await firePollAlarm(extension.context);
  await expect.poll(async () => (await badge()).title).toContain('failing');
  await check('stale');

  api.setFault('unauthorized');
  await firePollAlarm(extension.context);
  await expectBadge(badge, '!');
  await check('rejected key');

  const bad = await saveKey('not a key');
  await bad.getByRole('alert').waitFor();
  await expectNoViolations(bad, 'options, invalid key');
});

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

  // Threshold and notifications, then save, all by keyboard.
  await options.getByLabel('Warn me at or below this many AI credits').focus();
  await options.keyboard.type('2000');
  await options.keyboard.press('Tab');
  await options.keyboard.press('Space');
  await expect(options.getByLabel('Show a desktop notification when AI credits run low')).not.toBeChecked();
  await options.keyboard.press('Tab');
  await options.keyboard.press('Enter');
  await expect(options.getByText('Settings saved.')).toBeVisible();

  await closeOptionsTabs(extension);
  await ageLastCheck(extension.context);
  const popup = await openPopup();
  await expect(popup.getByText('Low: at or under your alert threshold of 2,000.')).toBeVisible();
  // The popup's own check has landed; a minute later Refresh may be used again.
  await expect(popup.getByRole('button', { name: /^Refresh at/ })).toBeDisabled();
  await ageLastCheck(extension.context);
  const focusOrder: string[] = [];
  for (let i = 0; i < 7; i += 1) {
    await popup.keyboard.press('Tab');
    focusOrder.push(await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.innerText.trim() ?? ''));
  }
  expect(focusOrder).toEqual([
    'Small pack',
    'Medium pack',
    'Large pack',
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

test('focus is always visible', async ({ openOptions }) => {
  const options = await openOptions();
  await options.keyboard.press('Tab');
  const outline = await options.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
  expect(outline).not.toBe('none');
});
