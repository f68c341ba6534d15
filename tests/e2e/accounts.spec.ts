import { seedStorage, shownNotifications } from '../support/extension';
import { seedAccounts, THREE_ACCOUNTS } from './accounts';
import { expect, firePollAlarm, storedData, test } from './fixtures';

const RED = [197, 34, 31, 255];

test('three accounts: the badge shows the low one in red while a key is rejected, a line each', async ({
  extension,
  api,
  badge,
}) => {
  await seedAccounts(extension, THREE_ACCOUNTS, api);
  await expect.poll(async () => (await badge()).title).toContain('Client C: FluxImage rejected the key');
  const shown = await badge();
  expect(shown.text).toBe('90');
  expect(shown.color).toEqual(RED);
  expect(shown.title.split('\n')).toEqual([
    'FluxImage: the badge shows Client B.',
    'Client A: 1,080 AI credits left',
    'Client B: 90 AI credits left (low)',
    'Client C: FluxImage rejected the key',
  ]);
  // Each account's own alert, once: the low one for Client B.
  await expect.poll(() => shownNotifications(extension.context)).toContain('fluximage-credits.a1');
  expect(await shownNotifications(extension.context)).not.toContain('fluximage-credits');
});

test('one alarm asks every account, each once, a second apart; never the rejected one', async ({ extension, api }) => {
  // Every 15 minutes: each account's next check comes at the same time, a second apart.
  await seedStorage(extension.context, {
    insightSettings: {
      notify: { runOut: true, compressionsUsedUp: true, keyRejected: true, creditsBack: false },
      badge: 'credits',
      checkEveryMinutes: 15,
    },
    insightSettings$: { v: 2 },
  });
  await seedAccounts(extension, THREE_ACCOUNTS, api);
  const from = api.usageRequests().length;
  await firePollAlarm(extension.context);
  await expect.poll(() => api.usageRequests().length - from, { timeout: 15_000 }).toBe(2);
  const asked = api.usageRequests().slice(from);
  expect(asked.map(({ authorization }) => authorization)).toEqual([
    `Bearer ${THREE_ACCOUNTS[0]!.key}`,
    `Bearer ${THREE_ACCOUNTS[1]!.key}`,
  ]);
  expect(asked[1]!.at - asked[0]!.at).toBeGreaterThanOrEqual(1000);
});

test('removing an account deletes what it kept, and the badge forgets it', async ({
  extension,
  api,
  badge,
  openOptions,
}) => {
  await seedAccounts(extension, THREE_ACCOUNTS, api);
  await expect.poll(async () => (await badge()).color).toEqual(RED);
  const options = await openOptions();
  const row = options.getByRole('listitem', { name: 'Client C' });
  await row.getByRole('button', { name: 'Remove', exact: true }).click();
  await options.getByRole('button', { name: 'Remove Client C' }).click();
  await expect(options.getByText('Client C was removed')).toBeVisible();
  await expect.poll(async () => (await badge()).title).not.toContain('Client C');
  const shown = await badge();
  expect(shown.text).toBe('90');
  expect(shown.color).not.toEqual(RED);
  const { local } = await storedData(extension.context);
  expect(Object.keys(local).filter((key) => key.endsWith('.a2') || key.endsWith('.a2$'))).toEqual([]);
  expect((local.accounts as { id: string }[]).map(({ id }) => id)).toEqual(['a0', 'a1']);
});
