import { historyDecisionPendingItems } from './history-decision';
import { historyItems } from '../history/stored';
import { insightAlertMemoryItems } from '../foresight/alerts';
import { insightSettingsItem, renewalDayItems } from '../foresight/settings';
import { insightsViewItems } from '../foresight/block-item';
import type { PollerStore } from './deps';
import { settingsItem } from '../alerts/settings';
import { alertMemoryItems } from '../alerts/credit-level';
import { pollStatusItems } from './status';
import { snapshotItems } from '../account/usage';
import { apiKeyItems } from '../account/key';

/** What one account keeps; everything else in `PollerStore` is shared by all accounts. */
export type AccountStore = Omit<PollerStore, 'settings' | 'insightSettings'>;

/** One account's stored items (its key, numbers, status, history, alert memory, renewal day). */
export function accountItems(account: string): AccountStore {
  return {
    apiKey: apiKeyItems(account),
    snapshot: snapshotItems(account),
    status: pollStatusItems(account),
    alertMemory: alertMemoryItems(account),
    history: historyItems(account),
    historyDecisionPending: historyDecisionPendingItems(account),
    insightsView: insightsViewItems(account),
    insightAlertMemory: insightAlertMemoryItems(account),
    renewalDay: renewalDayItems(account),
  };
}

/** Every item the background's poller reads and writes for one account. */
export const extensionStore = (account: string): PollerStore => ({
  ...accountItems(account),
  settings: settingsItem,
  insightSettings: insightSettingsItem,
});
