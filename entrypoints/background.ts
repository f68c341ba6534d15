import { browser } from 'wxt/browser';
import { apiKeyItem, extensionStore, settingsItem } from '@/lib/storage';
import { createPoller } from '@/lib/poller';
import { isMessage, type Message } from '@/lib/messages';
import { API_ORIGIN } from '@/lib/config';
import { toBadgeView } from '@/lib/badge';
import { creditAlert } from '@/lib/credit-alert';
import { t, uiLocale } from '@/lib/i18n';
import {
  POLL_ALARM,
  clearNotification,
  isPollScheduled,
  openDashboardFromNotification,
  schedulePoll,
  setBadge,
  showNotification,
} from '@/lib/browser-edges';

export default defineBackground(() => {
  const poller = createPoller({
    origin: API_ORIGIN,
    fetch: (...args) => fetch(...args),
    now: Date.now,
    random: Math.random,
    store: extensionStore,
    schedule: schedulePoll,
    isScheduled: isPollScheduled,
    showView: (view) => setBadge(toBadgeView(view, t, uiLocale())),
    announce: (level, usage) => {
      const { title, message } = creditAlert(level, usage, t, uiLocale());
      return showNotification(title, message);
    },
    clearAnnouncements: clearNotification,
  });

  const handle = (message: Message) => {
    switch (message.type) {
      case 'refresh':
        return poller.refresh();
      case 'save-key':
        return poller.saveKey(message.key);
      case 'remove-key':
        return poller.removeKey();
    }
  };

  browser.runtime.onMessage.addListener((message: unknown) => (isMessage(message) ? handle(message) : undefined));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === POLL_ALARM) void poller.poll();
  });
  browser.runtime.onStartup.addListener(() => void poller.poll());
  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    if (reason === 'install' && (await apiKeyItem.get()) === null) await browser.runtime.openOptionsPage();
    // After an update (or a reload of an unpacked build) the numbers may be from an older version.
    else await poller.poll();
  });
  browser.notifications.onClicked.addListener((id) => void openDashboardFromNotification(id));
  settingsItem.watch(() => void poller.redraw());
  self.addEventListener('online', () => void poller.reconnect());

  void poller.resume();
});
