// Several accounts through the options page, as a person manages them: added with a check,
// refused when rejected or already saved, renamed, each with its renewal day, and removed.
import type { Page } from '@playwright/test';
import { test, expect, storedData, KEY } from './fixtures';
import { extensionPage } from '../support/extension';

const LOW_KEY = `flx_live_${'b'.repeat(40)}`;
const ROLLED_KEY = `flx_live_${'c'.repeat(40)}`;
const REFUSED_KEY = `flx_live_${'d'.repeat(40)}`;

async function addAccount(page: Page, key: string, name: string) {
  const form = page.locator('.add-account');
  await form.getByLabel('API key', { exact: true }).fill(key);
  await form.getByLabel('Name (optional)').fill(name);
  await form.getByRole('button', { name: /^(Save|Add account)$/ }).click();
  await expect(form.getByText('Checking the key…')).toHaveCount(0);
  return form;
}

const row = (page: Page, name: string) => page.getByRole('listitem', { name });

test('three accounts added, one refused, renamed, a renewal day each, one removed', async ({
  api,
  extension,
  openOptions,
}) => {
  api.setUsageFor(LOW_KEY, { ia_credits_remaining: 90 });
  api.rejectKey(REFUSED_KEY);
  const page = await openOptions();

  await expect(await addAccount(page, KEY, 'Client A')).toContainText('Connected: Pro plan, 1,080 AI credits left.');
  await expect(await addAccount(page, LOW_KEY, 'Client B')).toContainText('Connected: Pro plan, 90 AI credits left.');
  await expect(await addAccount(page, REFUSED_KEY, 'Client X')).toContainText('FluxImage rejected this key');
  await expect(page.locator('.account')).toHaveCount(2);
  await expect(await addAccount(page, ROLLED_KEY, 'Client C')).toContainText(
    'Connected: Pro plan, 1,080 AI credits left.',
  );
  await expect(page.getByRole('heading', { level: 2, name: 'FluxImage accounts' })).toBeVisible();
  await expect(row(page, 'Client B')).toContainText('Pro plan · 90 AI credits left');
  await expect(row(page, 'Client B')).toContainText('Connected. Below your alert threshold.');

  // Client C's key is rolled in the dashboard: the next check finds it rejected.
  api.rejectKey(ROLLED_KEY);
  const worker = await extensionPage(extension.context);
  await worker.evaluate(async () => {
    type Local = {
      get(k: string): Promise<Record<string, { checkedAt: number } | undefined>>;
      set(v: object): Promise<void>;
    };
    const { chrome } = globalThis as unknown as {
      chrome: { storage: { local: Local }; runtime: { sendMessage(m: object): Promise<unknown> } };
    };
    const status = (await chrome.storage.local.get('pollStatus.a2'))['pollStatus.a2']!;
    await chrome.storage.local.set({ 'pollStatus.a2': { ...status, checkedAt: status.checkedAt - 120_000 } });
    await chrome.runtime.sendMessage({ method: 'refresh', argument: { account: 'a2' } });
  });
  await expect(row(page, 'Client C').getByRole('alert')).toHaveText(
    'FluxImage rejected the saved key. Paste the current one from your dashboard (Settings → API Key) and save it.',
  );

  // The same key again is refused with the name it is saved under.
  await expect(await addAccount(page, LOW_KEY, '')).toContainText('This key is already saved as Client B.');
  await expect(page.locator('.account')).toHaveCount(3);

  // Rename in place: Enter saves.
  await row(page, 'Client B').getByRole('button', { name: 'Rename' }).click();
  const nameField = row(page, 'Client B').getByLabel('Name', { exact: true });
  await nameField.fill('Agency B');
  await nameField.press('Enter');
  await expect(row(page, 'Agency B').getByRole('heading', { level: 3 })).toHaveText('Agency B');
  expect(
    ((await storedData(extension.context)).local.accounts as { name: string | null }[]).map((a) => a.name),
  ).toEqual(['Client A', 'Agency B', 'Client C']);

  // A renewal day for one account leaves the others alone.
  const renewal = row(page, 'Agency B').getByLabel('Your plan renews on day');
  await renewal.fill('20');
  await renewal.press('Enter');
  await expect(row(page, 'Agency B').getByText('Saved', { exact: true })).toBeVisible();
  const local = (await storedData(extension.context)).local;
  expect(local['renewalDay.a1']).toBe(20);
  expect(local.renewalDay).toBeUndefined();
  await expect(row(page, 'Client A').getByLabel('Your plan renews on day')).toHaveValue('');

  // Remove asks first, then says it happened, and the row goes.
  await row(page, 'Client A').getByRole('button', { name: 'Remove' }).click();
  await row(page, 'Client A').getByRole('button', { name: 'Remove Client A' }).click();
  await expect(page.getByText('Client A was removed: its key, numbers and history are deleted.')).toBeVisible();
  await expect(page.locator('.account')).toHaveCount(2);
  await expect(row(page, 'Client A')).toHaveCount(0);
  const after = (await storedData(extension.context)).local;
  expect(after.apiKey).toBeUndefined();
  expect(after.usageSnapshot).toBeUndefined();
});
