import { historyDecisionPendingItem } from './history-decision';
import { historyItem } from '../history/stored';
import { insightAlertMemoryItem } from '../foresight/alerts';
import { insightSettingsItem } from '../foresight/settings';
import { insightsViewItem } from '../foresight/block-item';
import type { PollerStore } from './deps';
import { settingsItem } from '../alerts/settings';
import { alertMemoryItem } from '../alerts/credit-level';
import { pollStatusItem } from './status';
import { snapshotItem } from '../account/usage';
import { apiKeyItem } from '../account/key';

/** Every stored item, as the background's poller reads and writes them. */
export const extensionStore: PollerStore = {
  apiKey: apiKeyItem,
  snapshot: snapshotItem,
  status: pollStatusItem,
  alertMemory: alertMemoryItem,
  settings: settingsItem,
  history: historyItem,
  historyDecisionPending: historyDecisionPendingItem,
  insightsView: insightsViewItem,
  insightAlertMemory: insightAlertMemoryItem,
  insightSettings: insightSettingsItem,
};
