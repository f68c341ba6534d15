import { browser } from 'wxt/browser';
import { createUsageApi } from '@/lib/account/api-client';
import { toBadgeView } from '@/lib/display/badge';
import { API_ORIGIN } from '@/lib/account/config';
import { creditAlert } from '@/lib/alerts/credit-words';
import { t, uiLocale } from '@/lib/platform/i18n';
import { serve } from '@/lib/platform/serve';
import { createPoller } from '@/lib/polling/poller';
import { extensionStore } from '@/lib/polling/store';
import { insightAlertWords } from '@/lib/foresight/alert-words';
import { insightSettingsItem } from '@/lib/foresight/settings';
import { insightsView } from '@/lib/foresight/block';
import { settingsItem } from '@/lib/alerts/settings';
import { apiKeyItem } from '@/lib/account/key';
import { onPersonReturned, presenceReader } from '@/lib/platform/presence';
import {
  POLL_ALARM,
  clearNotifications,
  hasApiAccess,
  isPollScheduled,
  onPermissionsChanged,
  openFromNotification,
  schedulePoll,
  setBadge,
  showNotification,
} from '@/lib/platform/browser-edges';

/** An event listener's work: nothing may escape it, or the worker's next event finds it broken. */
const guard =
  <A extends unknown[]>(task: (...args: A) => Promise<unknown>) =>
  (...args: A) =>
    void task(...args).catch(() => undefined);

export default defineBackground(() => {
  const presence = presenceReader();
  const poller = createPoller({
    api: createUsageApi({ origin: API_ORIGIN, fetch: (input, init) => fetch(input, init), now: Date.now }),
    hasAccess: hasApiAccess,
    now: Date.now,
    random: Math.random,
    ...(presence && { presence }),
    store: extensionStore,
    schedule: schedulePoll,
    isScheduled: isPollScheduled,
    showView: (view, insightSettings) => setBadge(toBadgeView(view, t, uiLocale(), insightSettings)),
    announce: (level, usage) => {
      const { title, message } = creditAlert(level, usage, t, uiLocale());
      return showNotification('credits', title, message);
    },
    announceInsight: (announcement) => {
      const { title, message } = insightAlertWords(announcement, Date.now(), uiLocale(), t);
      return showNotification(announcement.kind, title, message);
    },
    clearAnnouncements: clearNotifications,
    describeInsights: insightsView,
  });

  serve(poller);
  browser.alarms.onAlarm.addListener(
    guard(async (alarm) => {
      if (alarm.name === POLL_ALARM) await poller.poll();
    }),
  );
  browser.runtime.onStartup.addListener(guard(poller.poll));
  browser.runtime.onInstalled.addListener(
    guard(async ({ reason }) => {
      if (reason === 'install' && (await apiKeyItem.get()) === null) await browser.runtime.openOptionsPage();
      // After an update (or a reload of an unpacked build) the numbers may be from an older version.
      else await poller.poll();
    }),
  );
  browser.notifications.onClicked.addListener(guard(openFromNotification));
  onPermissionsChanged(guard(poller.accessChanged));
  settingsItem.watch(guard(poller.redraw));
  insightSettingsItem.watch(guard(poller.insightSettingsChanged));
  self.addEventListener('online', guard(poller.reconnect));
  onPersonReturned(guard(poller.personReturned));

  void guard(poller.resume)();
});
