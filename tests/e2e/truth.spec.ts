// The pages say only what happened: races between windows, checks that cannot be
// made, storage that refuses a write, and requests a person can cause.
import { extensionPage, shownNotifications } from '../support/extension';
import {
  test,
  expect,
  accountRow,
  ageLastCheck,
  enterKey,
  expectBadge,
  pollAlarmTime,
  removeAccount,
  replaceKey,
  storedData,
  KEY,
  KEY_ACCOUNT,
} from './fixtures';

const KEY_B = `flx_live_${'b'.repeat(40)}`;
const KEY_C = `flx_live_${'c'.repeat(40)}`;

const typeKey = enterKey;

test('removing the account while its new key is being checked keeps it removed, in every window', async ({
  api,
  extension,
  saveKey,
  openOptions,
  badge,
}) => {
  await saveKey();
  await expectBadge(badge, '1k');
  // Long enough for the other window to open and confirm the removal on a busy machine.
  api.setDelay(5_000);
  const saving = await openOptions();
  await replaceKey(saving, KEY_ACCOUNT, KEY_B);
  await expect(saving.getByText('Checking the key…')).toBeVisible();
  const removing = await openOptions();
  await removeAccount(removing, KEY_ACCOUNT);
  await expect(
    removing.getByText(`${KEY_ACCOUNT} was removed: its key, numbers and history are deleted.`),
  ).toBeVisible();
  // The row goes from the saving window too; the page still says what became of its key.
  await expect(saving.locator('.account')).toHaveCount(0);
  await expect(saving.getByText('This account was removed in another window, so the key was not saved.')).toBeVisible();
  await expectBadge(badge, '?');
  const { local } = await storedData(extension.context);
  expect(local.apiKey).toBeUndefined();
  expect(local.accounts).toEqual([]);
  await expect(saving.getByText(/^Connected/)).toHaveCount(0);
});

test('of two windows replacing the same account’s key, the later save wins and the other says so', async ({
  api,
  extension,
  saveKey,
  openOptions,
  badge,
}) => {
  await saveKey();
  await expectBadge(badge, '1k');
  const first = await openOptions();
  const second = await openOptions();
  // The first check must still be out when the second window saves (a busy machine may take seconds).
  api.setDelay(6_000);
  await replaceKey(first, KEY_ACCOUNT, KEY_B);
  await expect(first.getByText('Checking the key…')).toBeVisible();
  api.setDelay(0);
  api.setUsage({ ia_credits_remaining: 333 });
  await replaceKey(second, KEY_ACCOUNT, KEY_C);
  await expect(second.getByText('Connected: Pro plan, 333 AI credits left.')).toBeVisible();
  await expect(
    first.getByText('A different key was saved in another window, so this one was not saved.'),
  ).toBeVisible();
  expect((await storedData(extension.context)).local.apiKey).toBe(KEY_C);
  // Both windows show the key that won, under the one account.
  await expect(first.locator('.account')).toHaveCount(1);
  await expect(first.getByText('Saved key: flx_live_cccc…cccc')).toBeVisible();
  await expectBadge(badge, '333');
});

test('a popup opened while a rolled key is being saved does not undo the save with the old key', async ({
  api,
  extension,
  saveKey,
  openPopup,
  badge,
}) => {
  const options = await saveKey();
  await expectBadge(badge, '1k');
  // The key is rolled in the dashboard: the old one is refused at once, and FluxImage is slow.
  api.rejectKey(KEY);
  api.setUsageFor(KEY_B, { ia_credits_remaining: 333 });
  api.setDelay(3_000);
  await ageLastCheck(extension.context);
  await typeKey(options, KEY_B);
  await expect(options.getByText('Checking the key…')).toBeVisible();
  // Opened meanwhile, the popup asks for fresh numbers with the key still stored: the old one.
  const popup = await openPopup();
  await expect.poll(() => api.usageRequests().length).toBe(3);
  expect(api.usageRequests()[2]?.authorization).toBe(`Bearer ${KEY}`);
  await expect(options.getByText('Connected: Pro plan, 333 AI credits left.')).toBeVisible();
  // The popup's check is over once Refresh waits out the gap after the save's check.
  await expect(popup.locator('button.refresh')).toHaveAccessibleName(/^Refresh at/);
  await expect(popup.getByLabel('AI credits left', { exact: true })).toHaveText('333');
  await expect(popup.getByText('FluxImage rejected')).toHaveCount(0);
  expect((await badge()).text).toBe('333');
  expect(await shownNotifications(extension.context)).not.toContain('fluximage-key');
  expect(await pollAlarmTime(extension.context)).not.toBeNull();
});

test('a key that cannot be checked does not replace the working one, unless saved anyway', async ({
  api,
  extension,
  saveKey,
  badge,
}) => {
  const options = await saveKey();
  await expectBadge(badge, '1k');
  api.setFault('server-error', { status: 503 });
  await typeKey(options, KEY_B);
  await expect(options.getByText(/^This key could not be checked, so it was not saved\./)).toBeVisible();
  expect((await storedData(extension.context)).local.apiKey).toBe(KEY);
  await expectBadge(badge, '1k');

  await options.getByRole('button', { name: 'Save anyway' }).click();
  await expect(options.getByText(/^Key saved, but it could not be checked yet/)).toBeVisible();
  expect((await storedData(extension.context)).local.apiKey).toBe(KEY_B);
  await expect(options.getByText('Saved key: flx_live_bbbb…bbbb')).toBeVisible();
});

test('when browser storage is full, saving says so and nothing is reported as saved', async ({
  api,
  extension,
  openOptions,
  badge,
}) => {
  // Fill storage.local up to its 10 MB quota, as years of other data might.
  const filler = await extensionPage(extension.context);
  await filler.evaluate(async () => {
    type Local = { set(v: object): Promise<void> };
    const { local } = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage;
    const chunk = 'x'.repeat(1024 * 1024);
    for (let i = 0; ; i += 1) {
      try {
        await local.set({ [`filler${i}`]: chunk });
      } catch {
        break;
      }
    }
    for (let size = 512 * 1024; size >= 1; size = Math.floor(size / 2)) {
      try {
        await local.set({ [`small${size}`]: 'x'.repeat(size) });
      } catch {
        // That much no longer fits; try a smaller piece.
      }
    }
  });
  const options = await openOptions();
  await typeKey(options, KEY);
  await expect(options.getByRole('alert')).toHaveText('Could not save: browser storage is full.');
  await expect(options.getByText(/^Connected/)).toHaveCount(0);
  expect((await storedData(extension.context)).local.apiKey).toBeUndefined();
  await expectBadge(badge, '?');
  expect(api.usageRequests()).toHaveLength(1);
});

test('while a new key is being checked, its Save and Cancel are disabled and Remove is not offered', async ({
  api,
  saveKey,
  openOptions,
}) => {
  await saveKey();
  api.setDelay(3_000);
  const options = await openOptions();
  const row = accountRow(options, KEY_ACCOUNT);
  await replaceKey(options, KEY_ACCOUNT, KEY_B);
  await expect(row.getByRole('button', { name: 'Save new key', exact: true })).toBeDisabled();
  await expect(row.getByRole('button', { name: 'Cancel', exact: true })).toBeDisabled();
  await expect(row.getByRole('button', { name: 'Remove', exact: true })).toHaveCount(0);
  const replaced = accountRow(options, 'Pro ··bbbb');
  await expect(replaced.getByText(/^Connected:/)).toBeVisible();
  await expect(replaced.getByRole('button', { name: 'Save new key', exact: true })).toBeEnabled();
  await expect(replaced.getByRole('button', { name: 'Cancel', exact: true })).toBeEnabled();
  // One request for the first save, one for this one.
  expect(api.usageRequests()).toHaveLength(2);
});

test('forty clicks on Refresh make one request, and the button says when it can refresh again', async ({
  api,
  extension,
  saveKey,
  openPopup,
}) => {
  await saveKey();
  const popup = await openPopup();
  const refresh = popup.locator('button.refresh');
  await expect(refresh).toHaveAccessibleName(/^Refresh at \d{1,2}:\d{2}:\d{2}/);
  await ageLastCheck(extension.context);
  await expect(refresh).toBeEnabled();
  const before = api.usageRequests().length;
  for (let i = 0; i < 40; i += 1) await refresh.click({ force: true });
  await expect(refresh).toHaveAccessibleName(/^Refresh at/);
  expect(api.usageRequests().length - before).toBe(1);
});
