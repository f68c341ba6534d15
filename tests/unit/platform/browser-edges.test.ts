import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  NOTIFICATIONS,
  POLL_ALARM,
  isPollScheduled,
  openFromNotification,
  schedulePoll,
  showNotification,
} from '@/lib/platform/browser-edges';

const tabUrls = async () => (await fakeBrowser.tabs.query({})).map((tab) => tab.url);

describe('notification click', () => {
  it('opens exactly one dashboard tab for a credits alert and dismisses it', async () => {
    await showNotification('credits', 'FluxImage AI credits running low', '90 AI credits left.');
    const before = (await tabUrls()).length;
    await openFromNotification(NOTIFICATIONS.credits.id);
    expect(await tabUrls()).toHaveLength(before + 1);
    expect((await tabUrls()).at(-1)).toBe('https://fluximage.app/');
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it('opens the options page for a key that stopped working', async () => {
    const openOptions = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage').mockResolvedValue();
    await showNotification('keyRejected', 'FluxImage API key stopped working', 'Click to enter a new one.');
    const before = (await tabUrls()).length;
    await openFromNotification(NOTIFICATIONS.keyRejected.id);
    expect(openOptions).toHaveBeenCalledOnce();
    expect(await tabUrls()).toHaveLength(before);
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
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
