import type { UsageSnapshot, Usage } from '../account/usage';
import type { FetchOutcome } from '../account/api-client';
import type { AlertMemory } from '../alerts/credit-level';
import type { Settings } from '../alerts/settings';
import type { InsightAlertMemory, InsightAnnouncement } from '../foresight/alerts';
import type { InsightsInput, InsightsView } from '../foresight/block';
import type { StoredInsightsView } from '../foresight/block-item';
import type { InsightSettings } from '../foresight/settings';
import type { UsageHistory } from '../history/points';
import type { View } from '../display/view';
import type { StoredValue } from '../platform/storage';
import type { Presence } from './check-policy';
import type { PollStatus } from './status';

/** Everything the poller keeps, each a stored value (storage.local in the extension, memory in tests). */
export interface PollerStore {
  apiKey: StoredValue<string | null>;
  snapshot: StoredValue<UsageSnapshot | null>;
  status: StoredValue<PollStatus | null>;
  alertMemory: StoredValue<AlertMemory>;
  settings: StoredValue<Settings>;
  history: StoredValue<UsageHistory>;
  /** A different key was saved and its first good answer, which decides about the history, has not come. */
  historyDecisionPending: StoredValue<boolean>;
  insightsView: StoredValue<StoredInsightsView | null>;
  insightAlertMemory: StoredValue<InsightAlertMemory>;
  insightSettings: StoredValue<InsightSettings>;
  /** The account's renewal day as the user set it; `null` follows the detected day. */
  renewalDay: StoredValue<number | null>;
}

/** FluxImage's usage endpoint, as the poller needs it. */
export interface UsageApi {
  fetchUsage(key: string): Promise<FetchOutcome>;
}

/** What the poller is given: the browser's parts as functions, so tests pass fakes. */
export interface PollerDeps {
  api: UsageApi;
  /** Whether the browser lets the extension reach the API host (users can withhold it). */
  hasAccess: () => Promise<boolean>;
  now: () => number;
  random: () => number;
  /** The person's state, where the browser tells it (`browser.idle`); without it someone may be looking. */
  presence?: () => Promise<Presence>;
  store: PollerStore;
  /** Sets the next poll, repeating every `everyMinutes` as a safety net; `null` cancels polling. */
  schedule: (at: number | null, everyMinutes?: number) => Promise<void>;
  isScheduled: () => Promise<boolean>;
  /** Draws the badge; `daysLeft` is the stored forecast's pace counted from now (`null` without one). */
  showView: (view: View, insightSettings: InsightSettings, daysLeft: number | null) => Promise<void>;
  announce: (level: 'low' | 'empty', usage: Usage) => Promise<void>;
  announceInsight: (announcement: InsightAnnouncement) => Promise<void>;
  clearAnnouncements: () => Promise<void>;
  /** The facts of the popup's forecast block, from the history (computed here so the popup stays small). */
  describeInsights: (input: InsightsInput) => InsightsView;
}
