// The poller with fake browser parts and storage, shared by the poller's test files.
import { beforeEach } from 'vitest';
import type { FetchOutcome } from '@/lib/account/api-client';
import type { FailureKind } from '@/lib/polling/failures';
import { createPoller, type PollerDeps } from '@/lib/polling/poller';
import { FIRST_ACCOUNT } from '@/lib/account/account-id';
import { extensionStore } from '@/lib/polling/store';
import { MIN_REFRESH_GAP_MS } from '@/lib/polling/schedule';
import { DEFAULT_INSIGHT_SETTINGS, insightSettingsItem } from '@/lib/foresight/settings';
import type { View } from '@/lib/display/view';
import { KEY, usage } from '../helpers';
export const T0 = Date.UTC(2026, 10, 25, 14, 0);

export type Answer = () => Promise<FetchOutcome>;

export const answer = {
  usage:
    (changes: Parameters<typeof usage>[0] = {}): Answer =>
    async () => ({ ok: true, usage: usage(changes) }),
  failure:
    (kind: FailureKind, retryAfterMs?: number): Answer =>
    async () =>
      retryAfterMs === undefined ? { ok: false, kind } : { ok: false, kind, retryAfterMs },
};

/** An answer that arrives only when the test releases it: a slow server. */
export function slow(outcome: Answer) {
  let release!: () => void;
  const arrived = new Promise<void>((resolve) => (release = resolve));
  return { answer: (() => arrived.then(outcome)) as Answer, release };
}

function setup() {
  const clock = { now: T0 };
  const answers: Answer[] = [];
  const requests: string[] = [];
  const views: View[] = [];
  const announced: string[] = [];
  const schedule: { at: number | null | undefined; every?: number | undefined } = { at: undefined };
  // The host permission, as the browser reports it (users can withhold or revoke it).
  const access = { granted: true };
  let failAnnounce = false;
  const deps: PollerDeps = {
    api: {
      fetchUsage: (key) => {
        requests.push(key);
        const next = answers.shift();
        if (!next) throw new Error('unexpected request');
        return next();
      },
    },
    hasAccess: async () => access.granted,
    now: () => clock.now,
    random: () => 1,
    store: extensionStore(FIRST_ACCOUNT),
    schedule: async (at, every) => {
      schedule.at = at;
      schedule.every = every;
    },
    isScheduled: async () => schedule.at !== undefined && schedule.at !== null,
    showView: async (view) => {
      views.push(view);
    },
    announce: async (level) => {
      if (failAnnounce) throw new Error('notification service crashed');
      announced.push(level);
    },
    announceInsight: async (announcement) => {
      announced.push(announcement.kind);
    },
    clearAnnouncements: async () => {},
    describeInsights: ({ history, remaining, renewalDay }) => ({
      forecast: { kind: 'no-spending', basisDays: history.points.length },
      renewal: { userDay: renewalDay, resets: history.resets, firstReadingAt: null, lastReadingAt: null },
      remaining,
      sparkline: { line: '', dot: null, marks: [], width: 288, height: 44, span: null },
    }),
  };
  return {
    clock,
    requests,
    views,
    announced,
    schedule,
    access,
    deps,
    poller: createPoller(deps),
    queue: (...next: Answer[]) => answers.push(...next),
    lastView: () => views.at(-1)!,
    breakAnnouncements: () => {
      failAnnounce = true;
    },
  };
}

let current: Harness;

/**
 * Every 15 minutes, chosen: the poller's tests pin exact times (POLL_INTERVAL_MS apart), which
 * a fixed choice keeps. Automatic, the default, has its own tests, which choose it.
 */
export const chooseEvery15Minutes = () =>
  insightSettingsItem.set({ ...DEFAULT_INSIGHT_SETTINGS, checkEveryMinutes: 15 });

/** A fresh poller and fakes for each test of the file that calls this, checking every 15 minutes. */
export function freshPollerEachTest() {
  beforeEach(async () => {
    current = setup();
    await chooseEvery15Minutes();
  });
}

/** The worker starts again: a new poller on the same storage. */
export function restartPoller() {
  current = setup();
}

/** The current test's harness. */
export const h = new Proxy({} as Harness, { get: (_, property) => current[property as keyof Harness] });

export async function connect(changes: Parameters<typeof usage>[0] = {}) {
  h.queue(answer.usage(changes));
  return h.poller.saveKey({ key: KEY, force: false });
}

/** Moves the clock past the minimum gap between checks a person can ask for. */
export const afterGap = () => (h.clock.now += MIN_REFRESH_GAP_MS);

type Harness = ReturnType<typeof setup>;
