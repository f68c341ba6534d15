// Replays a usage trace through the real poller and API client in simulated time: FluxImage
// answers with the trace's numbers at the simulated moment (an in-memory fetch), the alarm
// clock jumps from one planned check to the next, and the person's returns reach the poller
// as the background will pass them on (`personReturned`). Deterministic: no network, no
// real clock, and a seeded random number generator for the jitter.
import { createUsageApi } from '../../lib/account/api-client';
import type { Presence } from '../../lib/polling/check-policy';
import { EMPTY_HISTORY } from '../../lib/history/points';
import { DEFAULT_INSIGHT_ALERT_MEMORY, type InsightAnnouncement } from '../../lib/foresight/alerts';
import { DEFAULT_INSIGHT_SETTINGS, type CheckEvery } from '../../lib/foresight/settings';
import type { InsightsView } from '../../lib/foresight/block';
import { createPoller } from '../../lib/polling/poller';
import { DEFAULT_SETTINGS } from '../../lib/alerts/settings';
import type { UsageSnapshot } from '../../lib/account/usage';
import { KEY } from './keys';
import { memoryValue } from './simulate-day';
import { usageBody, type Trace } from './trace';

/**
 * What the extension learns of the person: `idle` is `browser.idle` (its state at each check,
 * and its turn to active); `focus` is `windows.onFocusChanged` alone, which tells no state and
 * is taken, generously, to fire at every return.
 */
export type PresenceSignal = 'idle' | 'focus';

export interface ReplayOptions {
  choice: CheckEvery;
  signal: PresenceSignal;
  /** The first check (the key saved) comes this long after the trace starts. */
  phaseMs?: number;
  seed?: number;
}

export interface Replay {
  /** When the extension started: the key saved. */
  from: number;
  /** Every request that reached FluxImage. */
  requests: number[];
  /** The most requests in flight at once. */
  maxInFlight: number;
  /** Every good answer: what the badge shows from `at` on. */
  readings: { at: number; remaining: number }[];
  /** The low-credit notifications shown. */
  alerts: { at: number; level: 'low' | 'empty' }[];
  insightAlerts: { at: number; kind: InsightAnnouncement['kind'] }[];
}

/** mulberry32: a small seeded generator, so every replay draws the same jitter. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function traceApi(trace: Trace, clock: { now: number }, record: Replay) {
  let inFlight = 0;
  const fetch = async (): Promise<Response> => {
    record.requests.push(clock.now);
    inFlight += 1;
    record.maxInFlight = Math.max(record.maxInFlight, inFlight);
    // An answer arrives on a later turn of the event loop, as over a network.
    await new Promise((resolve) => setImmediate(resolve));
    inFlight -= 1;
    const body = JSON.stringify(usageBody(trace.accountAt(clock.now)));
    return new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  return createUsageApi({ origin: 'https://fluximage.app', fetch, now: () => clock.now });
}

// The popup's forecast block changes no schedule and no alert; computing it would be most of the replay's time.
const NO_FORECAST: InsightsView = {
  forecast: { kind: 'insufficient' },
  renewal: { userDay: null, resets: [], firstReadingAt: null, lastReadingAt: null },
  remaining: 0,
  sparkline: { line: '', dot: null, marks: [], width: 288, height: 44, span: null },
};

export async function replay(trace: Trace, options: ReplayOptions): Promise<Replay> {
  const from = trace.start + (options.phaseMs ?? 0);
  const clock = { now: from };
  const record: Replay = { from, requests: [], maxInFlight: 0, readings: [], alerts: [], insightAlerts: [] };
  let alarmAt: number | null = null;
  const snapshot = memoryValue<UsageSnapshot | null>(null);
  const presence = async (): Promise<Presence> => trace.presenceAt(clock.now);
  const poller = createPoller({
    api: traceApi(trace, clock, record),
    now: () => clock.now,
    hasAccess: async () => true,
    random: seeded(options.seed ?? 1),
    ...(options.signal === 'idle' && { presence }),
    store: {
      apiKey: memoryValue<string | null>(null),
      snapshot,
      status: memoryValue(null),
      alertMemory: memoryValue('normal' as const),
      settings: memoryValue({ ...DEFAULT_SETTINGS, threshold: trace.settings.threshold }),
      history: memoryValue(EMPTY_HISTORY),
      insightsView: memoryValue(null),
      insightAlertMemory: memoryValue(DEFAULT_INSIGHT_ALERT_MEMORY),
      historyDecisionPending: memoryValue(false),
      insightSettings: memoryValue({
        ...DEFAULT_INSIGHT_SETTINGS,
        checkEveryMinutes: options.choice,
      }),
      renewalDay: memoryValue<number | null>(trace.settings.renewalDay),
    },
    schedule: async (at) => {
      alarmAt = at;
    },
    isScheduled: async () => alarmAt !== null,
    showView: async () => undefined,
    announce: async (level) => {
      record.alerts.push({ at: clock.now, level });
    },
    announceInsight: async ({ kind }) => {
      record.insightAlerts.push({ at: clock.now, kind });
    },
    clearAnnouncements: async () => undefined,
    describeInsights: () => NO_FORECAST,
  });

  const noteReading = async () => {
    const shown = await snapshot.get();
    const last = record.readings.at(-1);
    if (shown && shown.fetchedAt !== last?.at) {
      record.readings.push({ at: shown.fetchedAt, remaining: shown.usage.remainingCredits });
    }
  };
  await poller.saveKey({ key: KEY, force: true });
  await noteReading();
  const returns = trace.returns.filter((at) => at > from);
  let next = 0;
  for (;;) {
    const returnAt = returns[next] ?? Number.POSITIVE_INFINITY;
    const at = Math.min(alarmAt ?? Number.POSITIVE_INFINITY, returnAt);
    if (at >= trace.end) break;
    // An alarm set in the past fires at once, as the browser's do.
    clock.now = Math.max(clock.now, at);
    if (at === returnAt) {
      next += 1;
      await poller.personReturned();
    } else {
      await poller.poll();
    }
    await noteReading();
  }
  return record;
}
