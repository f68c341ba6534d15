import { browser } from 'wxt/browser';
import type { BadgeView } from '../display/badge';
import { hostPermissionFor } from '../account/api-origin';
import { API_ORIGIN, DASHBOARD_URL } from '../account/config';
import { POLL_INTERVAL_MINUTES } from '../polling/schedule';
import { FIRST_ACCOUNT, isAccountId } from '../account/account-id';
import { popupAccountItem } from '../account/accounts';
import { accountHash } from '../account/options-hash';

/*
 * The toolbar, alarm, notification and permission calls, each named for what it does.
 * (Storage, messages and i18n touch `browser` in their own modules: storage.ts, messages.ts,
 * serve.ts, i18n.ts.) Both builds are MV3, so the toolbar is `browser.action` in each.
 */

export const POLL_ALARM = 'poll-usage';

export async function setBadge(badge: BadgeView): Promise<void> {
  const { action } = browser;
  await Promise.all([
    action.setBadgeText({ text: badge.text }),
    action.setBadgeBackgroundColor({ color: badge.color }),
    action.setTitle({ title: badge.title }),
    // Not in every browser (old Firefox and Chromium); white text reads on every state colour.
    action.setBadgeTextColor?.({ color: '#ffffff' }),
  ]);
}

/**
 * One alarm carries the schedule. Its period is a safety net: should a worker die
 * before it sets the next time, polling still resumes within one interval.
 */
export async function schedulePoll(at: number | null, everyMinutes = POLL_INTERVAL_MINUTES): Promise<void> {
  if (at === null) {
    await browser.alarms.clear(POLL_ALARM);
    return;
  }
  await browser.alarms.create(POLL_ALARM, { when: at, periodInMinutes: everyMinutes });
}

export async function isPollScheduled(): Promise<boolean> {
  return (await browser.alarms.get(POLL_ALARM)) !== undefined;
}

/**
 * Our notifications, one id each so a new alert of a kind replaces the last one, and
 * what a click on each opens: the account's Replace key form for a key that stopped working,
 * else the dashboard.
 */
export const NOTIFICATIONS = {
  credits: { id: 'fluximage-credits', opens: 'dashboard' },
  runOut: { id: 'fluximage-run-out', opens: 'dashboard' },
  compressionsUsedUp: { id: 'fluximage-compressions', opens: 'dashboard' },
  creditsBack: { id: 'fluximage-credits-back', opens: 'dashboard' },
  // The dashboard's API key settings are where a key is rolled.
  unusualSpending: { id: 'fluximage-unusual-spending', opens: 'dashboard' },
  keyRejected: { id: 'fluximage-key', opens: 'replace-key' },
} as const;

export type NotificationKind = keyof typeof NOTIFICATIONS;

/** A notification's id: its kind's, and for every account but the first, the account's id after a dot. */
const notificationId = (kind: NotificationKind, account: string) =>
  account === FIRST_ACCOUNT ? NOTIFICATIONS[kind].id : `${NOTIFICATIONS[kind].id}.${account}`;

export async function showNotification(
  kind: NotificationKind,
  account: string,
  title: string,
  message: string,
): Promise<void> {
  await browser.notifications.create(notificationId(kind, account), {
    type: 'basic',
    // Rendered at build time, so not among WXT's typed public paths; resolved against the extension.
    iconUrl: '/icon/128.png',
    title,
    message,
  });
}

/** Clears one account's notifications. */
export async function clearNotifications(account: string): Promise<void> {
  const kinds = Object.keys(NOTIFICATIONS) as NotificationKind[];
  await Promise.all(kinds.map((kind) => browser.notifications.clear(notificationId(kind, account))));
}

/**
 * A click on one of our notifications opens what it is about, in one new tab, and dismisses
 * it: the account's Replace key form in the options page for a key, else the dashboard.
 * The popup then opens on that account.
 */
export async function openFromNotification(id: string): Promise<void> {
  const [base = '', suffix] = id.split('.', 2);
  const notification = Object.values(NOTIFICATIONS).find((entry) => entry.id === base);
  const account = suffix ?? FIRST_ACCOUNT;
  if (!notification || !isAccountId(account)) return;
  await browser.notifications.clear(id);
  await popupAccountItem.set(account);
  if (notification.opens === 'replace-key') {
    const hash = accountHash(account, { replace: true });
    await browser.tabs.create({ url: browser.runtime.getURL(`/options.html${hash}`) });
  } else await browser.tabs.create({ url: DASHBOARD_URL });
}

/** The one host permission: the API's origin (fluximage.app; the fake API in test builds). */
const API_ACCESS = { origins: [hostPermissionFor(API_ORIGIN)] };

/** Whether the browser lets the extension reach the API (users can withhold or revoke it). */
export function hasApiAccess(): Promise<boolean> {
  return browser.permissions.contains(API_ACCESS);
}

/**
 * Asks the user to allow access again. Browsers accept this only during a user gesture, so a
 * page calls it straight from the click handler, before anything else is awaited.
 */
export function requestApiAccess(): Promise<boolean> {
  return browser.permissions.request(API_ACCESS);
}

/** Calls `listener` whenever a permission is granted or taken away (in the browser's settings too). */
export function onPermissionsChanged(listener: () => void): void {
  browser.permissions.onAdded.addListener(listener);
  browser.permissions.onRemoved.addListener(listener);
}
