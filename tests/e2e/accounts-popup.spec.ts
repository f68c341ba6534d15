import type { Page } from '@playwright/test';
import { launchExtension } from '../support/extension';
import { accountId, seedAccounts, THREE_ACCOUNTS, type SeededAccount } from './accounts';
import { expect, expectNoViolations, test } from './fixtures';

const tab = (popup: Page, name: string) => popup.getByRole('tab', { name: new RegExp(`^${name}\\b`) });
const panel = (popup: Page) => popup.getByRole('tabpanel');
/** Client C's key after it was rolled in the dashboard: one the fake API accepts. */
const ROLLED_KEY = `flx_live_${'9c3d'.repeat(10)}`;

test('three accounts: each is checked, and the badge lists them', async ({ extension, api, badge }) => {
  const ids = await seedAccounts(extension, THREE_ACCOUNTS, api);
  expect(ids).toEqual([accountId(0), accountId(1), accountId(2)]);
  await expect.poll(async () => (await badge()).title).toContain('Client C');
  const { title } = await badge();
  expect(title).toContain('Client A: 1,080');
  expect(title).toContain('Client B: 90');
});

test('the popup lists the accounts, opens on the badge’s, then on the one chosen last', async ({
  extension,
  api,
  openPopup,
}) => {
  await seedAccounts(extension, THREE_ACCOUNTS, api);
  let popup = await openPopup();
  const list = popup.getByRole('tablist', { name: 'Accounts' });
  await expect(list.getByRole('tab')).toHaveText([
    /^Client A\s+1,080 left\s*$/,
    /^Client B\s+90 left\s+low$/,
    /^Client C\s+key rejected$/,
  ]);
  // The badge shows the account that runs out first: the low one.
  await expect(tab(popup, 'Client B')).toHaveAttribute('aria-selected', 'true');
  await expect(panel(popup).locator('.credits')).toHaveText('90');

  await tab(popup, 'Client A').click();
  await expect(tab(popup, 'Client A')).toHaveAttribute('aria-selected', 'true');
  await expect(panel(popup).locator('.credits')).toHaveText('1,080');
  await expect(panel(popup)).toContainText('120 of 1,000');
  await popup.close();

  popup = await openPopup();
  await expect(tab(popup, 'Client A')).toHaveAttribute('aria-selected', 'true');
  await expect(panel(popup).locator('.credits')).toHaveText('1,080');
});

test('the accounts can be switched with the keyboard alone', async ({ extension, api, openPopup }) => {
  await seedAccounts(extension, THREE_ACCOUNTS, api);
  const popup = await openPopup();
  // The list is one stop in the Tab order: the selected account.
  await popup.keyboard.press('Tab');
  await expect(tab(popup, 'Client B')).toBeFocused();
  await popup.keyboard.press('ArrowDown');
  await expect(tab(popup, 'Client C')).toBeFocused();
  await expect(tab(popup, 'Client C')).toHaveAttribute('aria-selected', 'true');
  await expect(panel(popup)).toContainText('FluxImage rejected the API key');
  await expect(panel(popup).getByRole('button', { name: 'Update your key' })).toBeVisible();
  await popup.keyboard.press('Home');
  await expect(tab(popup, 'Client A')).toBeFocused();
  await expect(panel(popup).locator('.credits')).toHaveText('1,080');
  await popup.keyboard.press('End');
  await expect(tab(popup, 'Client C')).toBeFocused();
  await popup.keyboard.press('ArrowRight');
  await expect(tab(popup, 'Client A')).toBeFocused();
  await popup.keyboard.press('ArrowUp');
  await expect(tab(popup, 'Client C')).toBeFocused();
  // Tab leaves the list for the chosen account's actions.
  await popup.keyboard.press('Tab');
  await expect(panel(popup).getByRole('button', { name: 'Update your key' })).toBeFocused();
});

test('Update your key on the rejected Client C opens its Replace key form, focused', async ({
  extension,
  api,
  openPopup,
}) => {
  await seedAccounts(extension, THREE_ACCOUNTS, api);
  const popup = await openPopup();
  await tab(popup, 'Client C').click();
  const opened = extension.context.waitForEvent('page', (page) => page.url().includes('/options.html'));
  // The popup closes itself once the options page is open, possibly before the click returns.
  await panel(popup)
    .getByRole('button', { name: 'Update your key' })
    .click()
    .catch(() => undefined);
  const options = await opened;
  expect(options.url()).toBe(`${extension.url('options.html')}#account=a2&replace`);
  const row = options.getByRole('listitem', { name: 'Client C', exact: true });
  const newKey = row.getByLabel('New API key for Client C', { exact: true });
  await expect(newKey).toBeFocused();
  await expect(newKey).toHaveAccessibleDescription(/^FluxImage rejected the saved key\. Paste the current one/);
  // Only Client C's form is open: the other accounts keep their Replace key button.
  await expect(options.locator('.replace-key')).toHaveCount(1);
  await expect(options.getByRole('button', { name: 'Replace key', exact: true })).toHaveCount(2);

  // Asked again in the page already open (another link, the address bar), the field has the focus again.
  await options.evaluate(() => (location.hash = '#account=a0'));
  await expect(options.getByRole('listitem', { name: 'Client A', exact: true })).toBeFocused();
  await options.evaluate(() => (location.hash = '#account=a2&replace'));
  await expect(newKey).toBeFocused();

  // The focus is where Client C's new key goes: type it, press Enter, and the reason is gone.
  await options.keyboard.type(ROLLED_KEY);
  await options.keyboard.press('Enter');
  await expect(row.getByText(/^Connected:/)).toBeVisible();
  await expect(row.getByText(/^FluxImage rejected the saved key/)).toHaveCount(0);
});

test('ten accounts with long and odd names fit the popup', async ({ extension, api, openPopup }, testInfo) => {
  const names = [
    'A'.repeat(40),
    'مرحبا بالعالم — عميل طويل الاسم جدا',
    '<img src=x onerror=alert(1)>',
    'W'.repeat(40),
    '🙂'.repeat(20),
  ];
  const accounts: SeededAccount[] = Array.from({ length: 10 }, (_, n) => ({
    name: names[n % names.length]!,
    key: `flx_live_${n.toString(16).repeat(40)}`,
  }));
  await seedAccounts(extension, accounts, api);
  const popup = await openPopup();
  await expect(popup.getByRole('tab')).toHaveCount(10);
  const overflow = await popup.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
  // Each row stays inside the popup's width; a long name is cut short, not wrapped.
  for (const row of await popup.getByRole('tab').all()) {
    const box = (await row.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(320);
    expect(box.height).toBeLessThan(40);
  }
  await expect(tab(popup, '<img').first()).toHaveText(/^<img src=x onerror=alert\(1\)>/);
  expect(await popup.locator('img[src=x]').count()).toBe(0);
  await popup.screenshot({ path: testInfo.outputPath('ten-accounts.png'), fullPage: true });
});

for (const lang of ['en', 'es'] as const) {
  test(`the popup with three accounts passes axe, light and dark (${lang})`, async ({ api }) => {
    api.reset();
    const extension = await launchExtension(process.env.E2E_EXTENSION_DIR!, { lang });
    try {
      await seedAccounts(extension, THREE_ACCOUNTS, api);
      const popup = await extension.context.newPage();
      await popup.goto(extension.url('popup.html'));
      await popup.getByRole('tablist').waitFor();
      for (const index of [0, 1, 2]) {
        await popup.getByRole('tab').nth(index).click();
        await expect(popup.getByRole('tab').nth(index)).toHaveAttribute('aria-selected', 'true');
        await expectNoViolations(popup, `account ${index}`);
      }
    } finally {
      await extension.close();
    }
  });
}
