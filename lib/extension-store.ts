import { historyDecisionPendingItem } from './history-decision';
import { historyItem } from './history-item';
import { insightAlertMemoryItem } from './insight-alerts';
import { insightSettingsItem } from './insight-settings';
import { insightsViewItem } from './insights-view-item';
import type { PollerStore } from './poller';
import { alertMemoryItem, apiKeyItem, pollStatusItem, settingsItem, snapshotItem } from './storage';

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
