import type { FaultName } from '../fake-api/server';
import { test, expect, expectBadge, firePollAlarm, storedData, KEY } from './fixtures';

interface Row {
  fault: FaultName;
  options?: Record<string, unknown>;
  /** The sentence the popup and the badge title give for it. */
  says: RegExp;
}

// Every way FluxImage can fail short of rejecting the key: the number stays, greyed, with a reason.
const MATRIX: Row[] = [
  { fault: 'rate-limited', options: { retryAfter: 120 }, says: /FluxImage is rate-limiting this key\. Retrying at / },
  { fault: 'server-error', says: /FluxImage's server is having trouble\. Retrying at / },
  { fault: 'server-error', options: { status: 503 }, says: /FluxImage's server is having trouble\./ },
  { fault: 'drop', says: /Can't reach FluxImage\. Check your connection\. Retrying at / },
  { fault: 'html', says: /FluxImage sent an answer this extension does not understand\./ },
  { fault: 'not-json', says: /does not understand/ },
  { fault: 'wrong-shape', says: /does not understand/ },
  { fault: 'huge', says: /does not understand/ },
  { fault: 'redirect', says: /does not understand/ },
  { fault: 'hang', says: /FluxImage did not answer in time\. Retrying at / },
];

test('walks every fault and back in one browser session, never losing the last good numbers', async ({
  api,
  extension,
  saveKey,
  openPopup,
  badge,
}) => {
  test.setTimeout(180_000);
  const { context } = extension;
  await saveKey();
  await expectBadge(badge, '1k');
  const good = await badge();

  /**
   * Fires the poll alarm until `check` passes. A poll still in flight from an earlier
   * step (the popup's own refresh, a request hanging until its timeout) is joined by
   * the alarm and answers with the old fault, so one alarm is not always enough.
   */
  const pollUntil = (check: () => Promise<void>) =>
    expect(async () => {
      await firePollAlarm(context);
      await expect.poll(check, { timeout: 3_000 }).toBeUndefined();
    }).toPass({ timeout: 40_000 });

  for (const row of MATRIX) {
    await test.step(`${row.fault} ${JSON.stringify(row.options ?? {})}`, async () => {
      const goodSnapshot = (await storedData(context)).local.usageSnapshot;
      expect(goodSnapshot).toBeDefined();
      api.setFault(row.fault, row.options);
      await pollUntil(async () => expect((await badge()).title).toMatch(row.says));
      const shown = await badge();
      expect(shown.text).toBe('1k');
      expect(shown.color).not.toEqual(good.color);
      expect(shown.title).toContain('1,080 AI credits left');
      expect(shown.title).toMatch(/Updates failing since \d/);

      const popup = await openPopup();
      await expect(popup.getByRole('status').first()).toHaveText(row.says);
      await expect(popup.getByLabel('AI credits left', { exact: true })).toHaveText('1,080');
      await popup.close();
      expect((await storedData(context)).local.usageSnapshot).toEqual(goodSnapshot);

      api.setFault(null);
      await pollUntil(async () => expect((await badge()).color).toEqual(good.color));
      expect((await badge()).title).not.toContain('failing');
    });
  }

  await test.step('a rejected key (403) clears the numbers and stops polling', async () => {
    api.setFault('forbidden');
    await pollUntil(async () => expect((await badge()).text).toBe('!'));
    expect((await badge()).title).toBe('FluxImage rejected the API key. Check it in the options.');
    const requests = api.usageRequests().length;
    const popup = await openPopup();
    await expect(popup.getByRole('alert')).toHaveText('FluxImage rejected the API key. Check it in the options.');
    // Nothing to refresh with a rejected key: the popup offers to update it instead, and asks FluxImage nothing.
    await expect(popup.getByRole('button', { name: 'Update your key' })).toBeVisible();
    await expect(popup.getByRole('button', { name: /^Refresh/ })).toHaveCount(0);
    await popup.close();
    expect(api.usageRequests()).toHaveLength(requests);
    expect((await storedData(context)).local.usageSnapshot).toBeUndefined();
  });

  await test.step('the key never leaves its one stored place', async () => {
    const { local, sync } = await storedData(context);
    expect(sync).toEqual({});
    const elsewhere = Object.entries(local).filter(([name]) => name !== 'apiKey');
    expect(JSON.stringify(elsewhere)).not.toContain(KEY.slice(9));
    expect((await badge()).title).not.toContain(KEY.slice(9));
    for (const request of api.requests) expect(request.path).not.toContain(KEY.slice(9));
  });
});
