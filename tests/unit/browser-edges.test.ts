import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  CREDITS_NOTIFICATION,
  POLL_ALARM,
  isPollScheduled,
  openDashboardFromNotification,
  schedulePoll,
  showNotification,
} from '@/lib/browser-edges';

const tabUrls = async () => (await fakeBrowser.tabs.query({})).map((tab) => tab.url);

describe('notification click', () => {
  it('opens exactly one dashboard tab and dismisses the notification', async () => {
    await showNotification('FluxImage AI credits running low', '90 AI credits left.');
    const before = (await tabUrls()).length;
    await openDashboardFromNotification(CREDITS_NOTIFICATION);
    expect(await tabUrls()).toHaveLength(before + 1);
    expect((await tabUrls()).at(-1)).toBe('https://fluximage.app/');
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('ignores clicks on notifications that are not ours', async () => {
    const before = (await tabUrls()).length;
    await openDashboardFromNotification('someone-else');
    expect(await tabUrls()).toHaveLength(before);
  });
});

describe('poll alarm', () => {
  it('is set for the given time, with the normal interval as a safety net', async () => {
    await schedulePoll(Date.UTC(2030, 0, 1));
    expect(await fakeBrowser.alarms.get(POLL_ALARM)).toMatchObject({
      scheduledTime: Date.UTC(2030, 0, 1),
      periodInMinutes: 15,
    });
    expect(await isPollScheduled()).toBe(true);
  });

  it('is cleared when there is nothing to poll', async () => {
    await schedulePoll(Date.UTC(2030, 0, 1));
    await schedulePoll(null);
    expect(await isPollScheduled()).toBe(false);
  });
});
