import type { AlertMemory } from './alerts';
import type { FetchOutcome } from './api-client';
import { FAILURES, rejectsKey } from './failures';
import type { BackgroundApi, RefreshResult, SaveKeyRequest, SaveKeyResult } from './messages';
import { earliestUserRefresh } from './schedule';
import { createSerial } from './serial';
import type { Settings } from './settings';
import { isFailure, type PollStatus } from './status';
import type { StoredValue } from './storage';
import { afterFailure, afterSuccess, isWaitingForUser, type Transition } from './transitions';
import type { Usage, UsageSnapshot } from './usage';
import { toView, type View } from './view';

export interface PollerStore {
  apiKey: StoredValue<string | null>;
  snapshot: StoredValue<UsageSnapshot | null>;
  status: StoredValue<PollStatus | null>;
  alertMemory: StoredValue<AlertMemory>;
  settings: StoredValue<Settings>;
}

/** FluxImage's usage endpoint, as the poller needs it. */
export interface UsageApi {
  fetchUsage(key: string): Promise<FetchOutcome>;
}

export interface PollerDeps {
  api: UsageApi;
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
 * Errors are not swallowed here: a page that asked hears of them, and the
 * background's event listeners guard themselves.
 */
export function createPoller(deps: PollerDeps) {
  const { store } = deps;
  const serial = createSerial();
  let inFlight: Promise<void> | null = null;

  async function request(key: string): Promise<FetchOutcome> {
    try {
      return await deps.api.fetchUsage(key);
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

  const storeOrRemove = <T>(item: StoredValue<T>, value: T | null | undefined) =>
    value === undefined ? undefined : value === null ? item.remove() : item.set(value);

  async function apply(transition: Transition, usage: Usage | null): Promise<void> {
    await Promise.all([
      storeOrRemove(store.snapshot, transition.snapshot),
      storeOrRemove(store.alertMemory, transition.alertMemory),
      store.status.set(transition.status),
    ]);
    await deps.schedule(transition.nextAt);
    if (transition.announce && usage) await deps.announce(transition.announce, usage);
  }

  async function record(outcome: FetchOutcome): Promise<void> {
    const now = deps.now();
    if (outcome.ok) {
      const [alertMemory, settings] = await Promise.all([store.alertMemory.get(), store.settings.get()]);
      return apply(afterSuccess({ alertMemory, settings }, outcome.usage, now), outcome.usage);
    }
    const previous = await store.status.get();
    return apply(afterFailure(previous, outcome, now, deps.random()), null);
  }

  /** Stores what an answer means; if that fails, at least records that something went wrong. */
  async function recordAndRedraw(outcome: FetchOutcome): Promise<void> {
    try {
      await record(outcome);
    } catch (error) {
      await record({ ok: false, kind: 'internal' }).catch(() => undefined);
      throw error;
    } finally {
      await redraw();
    }
  }

  async function forgetAccount(): Promise<void> {
    await Promise.all([store.snapshot.remove(), store.status.remove(), store.alertMemory.remove()]);
    await deps.clearAnnouncements();
  }

  async function pollOnce(): Promise<void> {
    // Taken before anything is read: a key change from here on makes this answer stale.
    const ticket = serial.current();
    const [key, status] = await Promise.all([store.apiKey.get(), store.status.get()]);
    if (isWaitingForUser(key, status)) {
      await deps.schedule(null);
      return redraw();
    }
    const outcome = await request(key!);
    await serial.exclusive(async () => {
      if (serial.isCurrent(ticket)) await recordAndRedraw(outcome);
    });
  }

  /** One request at a time: a poll asked for while one is running joins it. */
  function poll(): Promise<void> {
    inFlight ??= pollOnce().finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  /**
   * A refresh asked for by the user. It joins a poll in flight, and keeps a minimum
   * gap after the last check (and any Retry-After), so clicking cannot flood FluxImage.
   */
  async function refresh(): Promise<RefreshResult> {
    const [key, status] = await Promise.all([store.apiKey.get(), store.status.get()]);
    if (isWaitingForUser(key, status)) return { result: 'idle' };
    const at = inFlight ? null : earliestUserRefresh(status);
    if (at !== null && at > deps.now()) return { result: 'too-soon', at };
    await poll();
    return { result: 'checked' };
  }

  /** Back online: retry at once if the last check failed for want of a network. */
  async function reconnect(): Promise<void> {
    const status = await store.status.get();
    if (isFailure(status) && FAILURES[status.kind].retryOnReconnect) return poll();
  }

  /**
   * Checks a key with FluxImage before it replaces the one in use. An unconfirmed key
   * is stored only when forced; the last key action taken, in any window, wins.
   */
  async function saveKey({ key, force }: SaveKeyRequest): Promise<SaveKeyResult> {
    const ticket = serial.supersede();
    const outcome = await request(key);
    return serial.exclusive(async (): Promise<SaveKeyResult> => {
      if (!serial.isCurrent(ticket)) return { result: 'superseded' };
      if (!outcome.ok && rejectsKey(outcome.kind)) return { result: 'rejected' };
      if (!outcome.ok && !force) return { result: 'unverified', kind: outcome.kind, saved: false };
      const previous = await store.apiKey.get();
      await store.apiKey.set(key);
      if (previous !== key) await forgetAccount();
      await recordAndRedraw(outcome);
      return outcome.ok
        ? { result: 'connected', usage: outcome.usage }
        : { result: 'unverified', kind: outcome.kind, saved: true };
    });
  }

  async function removeKey(): Promise<void> {
    serial.supersede();
    await serial.exclusive(async () => {
      await Promise.all([store.apiKey.remove(), forgetAccount()]);
      await deps.schedule(null);
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
    if (isWaitingForUser(key, status)) return;
    if (!snapshot && !status) return poll();
    if (!(await deps.isScheduled())) await deps.schedule(status?.nextAt ?? deps.now());
  }

  const handlers: BackgroundApi = { refresh, saveKey, removeKey };
  return { ...handlers, poll, reconnect, resume, redraw };
}
