// A day of polling in simulated time: the real poller and API client against the
// fake FluxImage API over HTTP, with the alarm clock advanced from one poll to the next.
import { createUsageApi } from '../lib/api-client';
import { createPoller } from '../lib/poller';
import type { StoredValue } from '../lib/storage';
import { DEFAULT_SETTINGS } from '../lib/settings';
import type { FakeApi } from '../tests/fake-api/server';

function memoryValue<T>(initial: T): StoredValue<T> {
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

/** Runs 24 simulated hours of alarms; counts what reached the fake API. */
export async function simulateDay(api: FakeApi, key: string | null): Promise<DayResult> {
  const DAY = 24 * 60 * 60_000;
  const start = Date.UTC(2026, 10, 25);
  let now = start;
  let alarmAt: number | null = null;
  const apiKey = memoryValue<string | null>(null);
  const poller = createPoller({
    api: createUsageApi({ origin: api.origin, fetch: (input, init) => fetch(input, init), now: () => now }),
    now: () => now,
    random: () => 0.75,
    store: {
      apiKey,
      snapshot: memoryValue(null),
      status: memoryValue(null),
      alertMemory: memoryValue('normal' as const),
      settings: memoryValue(DEFAULT_SETTINGS),
    },
    schedule: async (at) => {
      alarmAt = at;
    },
    isScheduled: async () => alarmAt !== null,
    showView: async () => undefined,
    announce: async () => undefined,
    clearAnnouncements: async () => undefined,
  });
  const before = api.usageRequests().length;
  // The user saves the key (anyway, when FluxImage cannot confirm it), as in an outage.
  if (key) await poller.saveKey({ key, force: true });
  await poller.resume();
  let polls = 0;
  while (alarmAt !== null && alarmAt < start + DAY) {
    now = alarmAt;
    polls += 1;
    await poller.poll();
  }
  return { requests: api.usageRequests().length - before, polls };
}
