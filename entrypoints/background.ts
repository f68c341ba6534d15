import { browser } from 'wxt/browser';
import { createUsageApi } from '@/lib/account/api-client';
import { accountsBadge } from '@/lib/display/badge-choice';
import { accountsItem, popupAccountItem } from '@/lib/account/accounts';
import { nameOfAccount, nameOfAccountId, titleForAccount } from '@/lib/display/account-names';
import { repairAccounts, upgradeToAccounts } from '@/lib/account/upgrade';
import { API_ORIGIN } from '@/lib/account/config';
import { creditAlert } from '@/lib/alerts/credit-words';
import { t, uiLocale } from '@/lib/platform/i18n';
import { languageItem, showChosen, type LanguageChoice } from '@/lib/platform/language';
import { serve } from '@/lib/platform/serve';
import { createAccountsPoller } from '@/lib/polling/accounts';
import { extensionStore } from '@/lib/polling/store';
import { insightAlertWords } from '@/lib/foresight/alert-words';
import { insightSettingsItem, onRenewalDayChanged } from '@/lib/foresight/settings';
import { insightsView } from '@/lib/foresight/block';
import { settingsItem } from '@/lib/alerts/settings';
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
  // Before anything reads storage: a single-key install becomes its first account. The badge
  // and notifications are worded in the chosen language, loaded before the first is drawn.
  const ready = Promise.all([
    upgradeToAccounts(Date.now())
      .then(() => repairAccounts(Date.now(), (account) => extensionStore(account).apiKey.get()))
      .catch(() => undefined),
    languageItem.get().then(showChosen, () => undefined),
  ]);
  const presence = presenceReader();
  const poller = createAccountsPoller({
    api: createUsageApi({ origin: API_ORIGIN, fetch: (input, init) => fetch(input, init), now: Date.now }),
    hasAccess: hasApiAccess,
    now: Date.now,
    random: Math.random,
    accounts: accountsItem,
    insightSettings: insightSettingsItem,
    popupAccount: popupAccountItem,
    storeOf: extensionStore,
    ...(presence && { presence }),
    schedule: schedulePoll,
    isScheduled: isPollScheduled,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    showBadge: async (views, insightSettings) => {
      const named = await Promise.all(
        views.map(async ({ account, view, daysLeft }) => ({
          id: account.id,
          name: await nameOfAccount(account, t),
          view,
          daysLeft,
        })),
      );
      await setBadge(accountsBadge(named, t, uiLocale(), insightSettings));
    },
    announce: async (account, level, usage) => {
      const { title, message } = creditAlert(level, usage, t, uiLocale());
      return showNotification('credits', account, await titleForAccount(account, title, t), message);
    },
    announceInsight: async (account, announcement) => {
      const words = insightAlertWords(announcement, Date.now(), uiLocale(), t, await nameOfAccountId(account, t));
      const title = words.namesAccount ? words.title : await titleForAccount(account, words.title, t);
      return showNotification(announcement.kind, account, title, words.message);
    },
    clearAnnouncements: clearNotifications,
    describeInsights: insightsView,
  });
  const afterUpgrade =
    <A extends unknown[], R>(task: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      await ready;
      return task(...args);
    };

  serve({
    refresh: afterUpgrade(poller.refresh),
    addAccount: afterUpgrade(poller.addAccount),
    saveKey: afterUpgrade(poller.saveKey),
    removeAccount: afterUpgrade(poller.removeAccount),
    renameAccount: afterUpgrade(poller.renameAccount),
  });
  browser.alarms.onAlarm.addListener(
    guard(
      afterUpgrade(async (alarm: { name: string }) => {
        if (alarm.name === POLL_ALARM) await poller.pollDue();
      }),
    ),
  );
  browser.runtime.onStartup.addListener(guard(afterUpgrade(poller.pollAll)));
  browser.runtime.onInstalled.addListener(
    guard(
      afterUpgrade(async ({ reason }: { reason: string }) => {
        if (reason === 'install' && (await accountsItem.get()).length === 0) await browser.runtime.openOptionsPage();
        // After an update (or a reload of an unpacked build) the numbers may be from an older version.
        else await poller.pollAll();
      }),
    ),
  );
  browser.notifications.onClicked.addListener(guard(openFromNotification));
  onPermissionsChanged(guard(afterUpgrade(poller.accessChanged)));
  settingsItem.watch(guard(afterUpgrade(poller.redraw)));
  languageItem.watch(guard(afterUpgrade(async (choice: LanguageChoice) => showChosen(choice).then(poller.redraw))));
  insightSettingsItem.watch(guard(afterUpgrade(poller.insightSettingsChanged)));
  onRenewalDayChanged(afterUpgrade(async (account: string) => poller.renewalDayChanged(account)));
  self.addEventListener('online', guard(afterUpgrade(poller.reconnect)));
  onPersonReturned(guard(afterUpgrade(poller.personReturned)));

  void guard(afterUpgrade(poller.resume))();
});
