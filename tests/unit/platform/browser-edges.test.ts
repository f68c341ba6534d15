import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { popupAccountItem } from '@/lib/account/accounts';
import {
  NOTIFICATIONS,
  clearNotifications,
  POLL_ALARM,
  isPollScheduled,
  openFromNotification,
  schedulePoll,
  showNotification,
} from '@/lib/platform/browser-edges';

const tabUrls = async () => (await fakeBrowser.tabs.query({})).map((tab) => tab.url);

describe('notification click', () => {
  it('opens exactly one dashboard tab for a credits alert and dismisses it', async () => {
    await showNotification('credits', 'a0', 'FluxImage AI credits running low', '90 AI credits left.');
    const before = (await tabUrls()).length;
    await openFromNotification(NOTIFICATIONS.credits.id);
    expect(await tabUrls()).toHaveLength(before + 1);
    expect((await tabUrls()).at(-1)).toBe('https://fluximage.app/');
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('opens the dashboard, where the key is rolled, for unusual spending on one of several accounts', async () => {
    await showNotification('unusualSpending', 'a1', 'Unusual spending on Client B', '300 AI credits in the last hour…');
    await openFromNotification('fluximage-unusual-spending.a1');
    expect((await tabUrls()).at(-1)).toBe('https://fluximage.app/');
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
    // The popup then opens on that account.
    expect(await popupAccountItem.get()).toBe('a1');
  });

  it('opens the account’s Replace key form in the options page for a key that stopped working', async () => {
    await showNotification('keyRejected', 'a0', 'FluxImage API key stopped working', 'Click to enter a new one.');
    await openFromNotification(NOTIFICATIONS.keyRejected.id);
    expect((await tabUrls()).at(-1)).toBe(fakeBrowser.runtime.getURL('/options.html#account=a0&replace'));
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('opens the Replace key form of the account whose key stopped working, of several', async () => {
    await showNotification(
      'keyRejected',
      'a2',
      'Client C: FluxImage API key stopped working',
      'Click to enter a new one.',
    );
    await openFromNotification('fluximage-key.a2');
    expect((await tabUrls()).at(-1)).toBe(fakeBrowser.runtime.getURL('/options.html#account=a2&replace'));
    expect(await popupAccountItem.get()).toBe('a2');
  });

  it('keeps each account’s notification apart, and opens the popup on the one clicked', async () => {
    await showNotification('credits', 'a0', 'FluxImage AI credits running low', '90 AI credits left.');
    await showNotification('credits', 'a2', 'Client B: FluxImage AI credits running low', '90 AI credits left.');
    expect(Object.keys(await fakeBrowser.notifications.getAll()).toSorted()).toEqual([
      'fluximage-credits',
      'fluximage-credits.a2',
    ]);
    await openFromNotification('fluximage-credits.a2');
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual(['fluximage-credits']);
    expect(await popupAccountItem.get()).toBe('a2');
  });

  it('clears one account’s notifications and leaves the others', async () => {
    await showNotification('runOut', 'a0', 'Runs out', '…');
    await showNotification('runOut', 'a1', 'Client A: Runs out', '…');
    await clearNotifications('a1');
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual(['fluximage-run-out']);
  });

  it('ignores clicks on notifications that are not ours', async () => {
    const before = (await tabUrls()).length;
    await openFromNotification('someone-else');
    expect(await tabUrls()).toHaveLength(before);
  });
});

describe('poll alarm', () => {
  it('is set for the given time, with the chosen interval as a safety net', async () => {
    await schedulePoll(Date.UTC(2030, 0, 1), 60);
    expect(await fakeBrowser.alarms.get(POLL_ALARM)).toMatchObject({
      scheduledTime: Date.UTC(2030, 0, 1),
      periodInMinutes: 60,
    });
    expect(await isPollScheduled()).toBe(true);
  });

  it('is cleared when there is nothing to poll', async () => {
    await schedulePoll(Date.UTC(2030, 0, 1));
    await schedulePoll(null);
    expect(await isPollScheduled()).toBe(false);
  });
});
