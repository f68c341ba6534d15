// A day of polling in simulated time: the real poller and API client against the
// fake FluxImage API over HTTP, with the alarm clock advanced from one poll to the next.
import { createUsageApi } from '../../lib/account/api-client';
import { createPoller } from '../../lib/polling/poller';
import type { StoredValue } from '../../lib/platform/storage';
import { EMPTY_HISTORY } from '../../lib/history/points';
import { DEFAULT_INSIGHT_ALERT_MEMORY } from '../../lib/foresight/alerts';
import { DEFAULT_INSIGHT_SETTINGS, type CheckEvery } from '../../lib/foresight/settings';
import { insightsView } from '../../lib/foresight/block';
import { DEFAULT_SETTINGS } from '../../lib/alerts/settings';
import type { FakeApi } from '../fake-api/server';

export function memoryValue<T>(initial: T): StoredValue<T> {
  let value = initial;
  return {
    get: async () => value,
    set: async (next) => {
      value = next;
    },
    remove: async () => {
      value = initial;
    },
    watch: () => () => undefined,
  };
}

export interface DayResult {
  requests: number;
  polls: number;
}

export interface DayOptions {
  /** The user's choice; the default's (Automatic) when not given. */
  checkEveryMinutes?: CheckEvery;
  /** Runs at each alarm's simulated time, before its poll: the account moving, say. */
  beforePoll?: (now: number) => void;
}

/** Runs 24 simulated hours of alarms; counts what reached the fake API. */
export async function simulateDay(
  api: FakeApi,
  key: string | null,
  { checkEveryMinutes = DEFAULT_INSIGHT_SETTINGS.checkEveryMinutes, beforePoll }: DayOptions = {},
): Promise<DayResult> {
  const DAY = 24 * 60 * 60_000;
  const start = Date.UTC(2026, 10, 25);
  let now = start;
  let alarmAt: number | null = null;
  const apiKey = memoryValue<string | null>(null);
  const poller = createPoller({
    api: createUsageApi({ origin: api.origin, fetch: (input, init) => fetch(input, init), now: () => now }),
    now: () => now,
    hasAccess: async () => true,
    random: () => 0.75,
    store: {
      apiKey,
      snapshot: memoryValue(null),
      status: memoryValue(null),
      alertMemory: memoryValue('normal' as const),
      settings: memoryValue(DEFAULT_SETTINGS),
      history: memoryValue(EMPTY_HISTORY),
      historyDecisionPending: memoryValue(false),
      insightsView: memoryValue(null),
      insightAlertMemory: memoryValue(DEFAULT_INSIGHT_ALERT_MEMORY),
      insightSettings: memoryValue({ ...DEFAULT_INSIGHT_SETTINGS, checkEveryMinutes }),
      renewalDay: memoryValue<number | null>(null),
    },
    schedule: async (at) => {
      alarmAt = at;
    },
    isScheduled: async () => alarmAt !== null,
    showView: async () => undefined,
    announce: async () => undefined,
    announceInsight: async () => undefined,
    clearAnnouncements: async () => undefined,
    describeInsights: insightsView,
  });
  const before = api.usageRequests().length;
  // The user saves the key (anyway, when FluxImage cannot confirm it), as in an outage.
  if (key) await poller.saveKey({ key, force: true });
  await poller.resume();
  let polls = 0;
  while (alarmAt !== null && alarmAt < start + DAY) {
    now = alarmAt;
    beforePoll?.(now);
    polls += 1;
    await poller.poll();
  }
  return { requests: api.usageRequests().length - before, polls };
}
