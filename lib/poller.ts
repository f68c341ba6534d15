import { fetchUsage, type FailureKind, type FetchOutcome } from './api-client';
import { creditLevel, decideAlert, effectiveThreshold, type AlertMemory } from './alerts';
import type { SaveKeyResult } from './messages';
import { nextAttemptAfterFailure, nextAttemptAfterSuccess } from './schedule';
import type { Settings } from './settings';
import { isFailure, type PollStatus } from './status';
import type { StoredValue } from './storage';
import type { Usage, UsageSnapshot } from './usage';
import { toView, type View } from './view';

export interface PollerStore {
  apiKey: StoredValue<string | null>;
  snapshot: StoredValue<UsageSnapshot | null>;
  status: StoredValue<PollStatus | null>;
  alertMemory: StoredValue<AlertMemory>;
  settings: StoredValue<Settings>;
}

export interface PollerDeps {
  origin: string;
  fetch: typeof fetch;
  now: () => number;
  random: () => number;
  store: PollerStore;
  /** Sets the next poll; `null` cancels polling. */
  schedule: (at: number | null) => Promise<void>;
  isScheduled: () => Promise<boolean>;
  showView: (view: View) => Promise<void>;
  announce: (level: 'low' | 'empty', usage: Usage) => Promise<void>;
  clearAnnouncements: () => Promise<void>;
}

export type Poller = ReturnType<typeof createPoller>;

/**
 * The background's behaviour, free of browser globals: when to ask FluxImage,
 * what to keep from the answer, and what the badge and alerts should say.
 */
export function createPoller(deps: PollerDeps) {
  const { store } = deps;
  let inFlight: Promise<void> | null = null;
  // Bumped whenever the key changes; an answer for an older generation is thrown away.
  let generation = 0;
  let queue: Promise<unknown> = Promise.resolve();

  /** Runs state changes one at a time, so a late answer cannot interleave with a key change. */
  function exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => undefined);
    return run;
  }

  async function request(key: string): Promise<FetchOutcome> {
    try {
      return await fetchUsage({ origin: deps.origin, key, fetch: deps.fetch, now: deps.now });
    } catch {
      return { ok: false, kind: 'internal' };
    }
  }

  async function redraw(): Promise<void> {
    const [key, snapshot, status, settings] = await Promise.all([
      store.apiKey.get(),
      store.snapshot.get(),
      store.status.get(),
      store.settings.get(),
    ]);
    await deps.showView(toView({ hasKey: key !== null, snapshot, status, settings }));
  }

  async function recordSuccess(usage: Usage): Promise<void> {
    const now = deps.now();
    const nextAt = nextAttemptAfterSuccess(now);
    await store.snapshot.set({ usage, fetchedAt: now });
    await store.status.set({ kind: 'ok', checkedAt: now, nextAt });
    await deps.schedule(nextAt);
    const [settings, memory] = await Promise.all([store.settings.get(), store.alertMemory.get()]);
    const level = creditLevel(usage.remainingCredits, effectiveThreshold(settings.threshold, usage.creditsMonthly));
    const decision = decideAlert(memory, level);
    await store.alertMemory.set(decision.memory);
    if (decision.announce && settings.notifications) await deps.announce(decision.announce, usage);
  }

  async function recordFailure(kind: FailureKind, retryAfterMs: number | undefined): Promise<void> {
    const now = deps.now();
    const previous = await store.status.get();
    const earlier = isFailure(previous) ? previous : null;
    const attempts = (earlier?.attempts ?? 0) + 1;
    const timing = retryAfterMs === undefined ? { kind, attempts } : { kind, attempts, retryAfterMs };
    const nextAt = nextAttemptAfterFailure(timing, now, deps.random());
    if (kind === 'unauthorized') {
      // The numbers belonged to a key that no longer works.
      await Promise.all([store.snapshot.remove(), store.alertMemory.remove()]);
    }
    await store.status.set({ kind, checkedAt: now, since: earlier?.since ?? now, attempts, nextAt });
    await deps.schedule(nextAt);
  }

  /** Stores what an answer means and redraws; an unexpected error becomes a recorded failure. */
  async function record(outcome: FetchOutcome): Promise<void> {
    try {
      if (outcome.ok) await recordSuccess(outcome.usage);
      else await recordFailure(outcome.kind, outcome.retryAfterMs);
    } catch {
      await recordFailure('internal', undefined);
    }
    await redraw();
  }

  async function pollOnce(): Promise<void> {
    const [key, status] = await Promise.all([store.apiKey.get(), store.status.get()]);
    // No key, or one FluxImage rejected: nothing to ask until the user saves a key.
    if (key === null || status?.kind === 'unauthorized') {
      await deps.schedule(null);
      return redraw();
    }
    const started = generation;
    const outcome = await request(key);
    await exclusive(async () => {
      if (started !== generation || (await store.apiKey.get()) !== key) return;
      await record(outcome);
    });
  }

  /** One request at a time: a poll asked for while one is running joins it. */
  function poll(): Promise<void> {
    inFlight ??= pollOnce()
      .catch(() => exclusive(() => recordFailure('internal', undefined).then(redraw)).catch(() => undefined))
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  }

  /** A refresh asked for by the user; it still honours Retry-After (and a rejected key, in `poll`). */
  async function refresh(): Promise<void> {
    const status = await store.status.get();
    if (status?.kind === 'rate-limited' && status.nextAt !== null && status.nextAt > deps.now()) return;
    return poll();
  }

  /** Back online: retry at once if the last poll failed for want of a network. */
  async function reconnect(): Promise<void> {
    const status = await store.status.get();
    if (status?.kind === 'network' || status?.kind === 'timeout') return poll();
  }

  async function saveKey(key: string): Promise<SaveKeyResult> {
    const outcome = await request(key);
    if (!outcome.ok && outcome.kind === 'unauthorized') return { result: 'rejected' };
    return exclusive(async () => {
      generation += 1;
      const previous = await store.apiKey.get();
      await store.apiKey.set(key);
      if (previous !== key) {
        await Promise.all([store.snapshot.remove(), store.status.remove(), store.alertMemory.remove()]);
        await deps.clearAnnouncements();
      }
      await record(outcome);
      return outcome.ok
        ? { result: 'connected' as const, usage: outcome.usage }
        : { result: 'unverified' as const, kind: outcome.kind };
    });
  }

  async function removeKey(): Promise<void> {
    await exclusive(async () => {
      generation += 1;
      await Promise.all([
        store.apiKey.remove(),
        store.snapshot.remove(),
        store.status.remove(),
        store.alertMemory.remove(),
      ]);
      await deps.schedule(null);
      await deps.clearAnnouncements();
      await redraw();
    });
  }

  /**
   * Worker start: redraw the badge from storage (browsers do not keep it) and
   * make sure the schedule survived; poll only if there is nothing to show yet.
   */
  async function resume(): Promise<void> {
    await redraw();
    const [key, status, snapshot] = await Promise.all([store.apiKey.get(), store.status.get(), store.snapshot.get()]);
    if (key === null || status?.kind === 'unauthorized') return;
    if (!snapshot && !status) return poll();
    if (!(await deps.isScheduled())) await deps.schedule(status?.nextAt ?? deps.now());
  }

  // Called from event listeners: nothing may escape them, or the worker's next event finds it broken.
  const never = async () => undefined;
  return {
    poll,
    refresh: guard(refresh, never),
    reconnect: guard(reconnect, never),
    saveKey: guard(saveKey, async () => ({ result: 'unverified', kind: 'internal' }) as const),
    removeKey: guard(removeKey, never),
    resume: guard(resume, never),
    redraw: guard(redraw, never),
  };
}

function guard<A extends unknown[], R>(task: (...args: A) => Promise<R>, fallback: () => Promise<R>) {
  return (...args: A): Promise<R> => task(...args).catch(fallback);
}
