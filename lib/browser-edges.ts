import { browser } from 'wxt/browser';
import type { BadgeView } from './badge';
import { DASHBOARD_URL } from './config';
import { POLL_INTERVAL_MINUTES } from './schedule';

/*
 * The toolbar, alarm and notification calls of the background, each named for what it does.
 * (Storage, messages and i18n touch `browser` in their own modules: storage.ts, messages.ts,
 * serve.ts, i18n.ts.) Browser differences live here: Firefox's MV2 build has `browserAction`.
 */

export const POLL_ALARM = 'poll-usage';
export const CREDITS_NOTIFICATION = 'fluximage-credits';

function toolbarAction() {
  return browser.action ?? browser.browserAction;
}

export async function setBadge(badge: BadgeView): Promise<void> {
  const action = toolbarAction();
  await Promise.all([
    action.setBadgeText({ text: badge.text }),
    action.setBadgeBackgroundColor({ color: badge.color }),
    action.setTitle({ title: badge.title }),
    // Not in every browser (Firefox MV2 before 63, old Chromium); white text reads on every state colour.
    action.setBadgeTextColor?.({ color: '#ffffff' }),
  ]);
}

/**
 * One alarm carries the schedule. Its period is a safety net: should a worker die
 * before it sets the next time, polling still resumes within one interval.
 */
export async function schedulePoll(at: number | null): Promise<void> {
  if (at === null) {
    await browser.alarms.clear(POLL_ALARM);
    return;
  }
  await browser.alarms.create(POLL_ALARM, { when: at, periodInMinutes: POLL_INTERVAL_MINUTES });
}

export async function isPollScheduled(): Promise<boolean> {
  return (await browser.alarms.get(POLL_ALARM)) !== undefined;
}

export async function showNotification(title: string, message: string): Promise<void> {
  await browser.notifications.create(CREDITS_NOTIFICATION, {
    type: 'basic',
    // Rendered at build time, so not among WXT's typed public paths; resolved against the extension.
    iconUrl: '/icon/128.png',
    title,
    message,
  });
}

export async function clearNotification(): Promise<void> {
  await browser.notifications.clear(CREDITS_NOTIFICATION);
}

/** A click on our notification opens the dashboard in one new tab and dismisses it. */
export async function openDashboardFromNotification(id: string): Promise<void> {
  if (id !== CREDITS_NOTIFICATION) return;
  await clearNotification();
  await browser.tabs.create({ url: DASHBOARD_URL });
}
