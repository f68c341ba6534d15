import type { AlertMemory } from '../alerts/credit-level';
import type { FetchOutcome } from '../account/api-client';
import { checkOnReturnAt, checksInLastDay, nextCheckForChoice, repeatMinutes, type Presence } from './check-policy';
import { FAILURES, rejectsKey, waitsForAccess } from './failures';
import type { BackgroundApi, RefreshResult, SaveKeyRequest, SaveKeyResult } from '../platform/messages';
import type { UsageHistory } from '../history/points';
import type { InsightAlertMemory, InsightAnnouncement } from '../foresight/alerts';
import type { InsightSettings } from '../foresight/settings';
import type { InsightsInput, InsightsView } from '../foresight/block';
import type { StoredInsightsView } from '../foresight/block-item';
import { earliestUserRefresh, settleStatus } from './schedule';
import { createSerial } from './serial';
import { settleStoredTimes } from './settle-clock';
import type { Settings } from '../alerts/settings';
import { isFailure, type PollStatus } from './status';
import type { StoredValue } from '../platform/storage';
import { afterFailure, afterSuccess, isWaitingForUser, type Transition } from './transitions';
import type { Usage, UsageSnapshot } from '../account/usage';
import { toView, type View } from '../display/view';

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
}

/** FluxImage's usage endpoint, as the poller needs it. */
export interface UsageApi {
  fetchUsage(key: string): Promise<FetchOutcome>;
}

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
  showView: (view: View, insightSettings: InsightSettings) => Promise<void>;
  announce: (level: 'low' | 'empty', usage: Usage) => Promise<void>;
  announceInsight: (announcement: InsightAnnouncement) => Promise<void>;
  clearAnnouncements: () => Promise<void>;
  /** The facts of the popup's forecast block, from the history (computed here so the popup stays small). */
  describeInsights: (input: InsightsInput) => InsightsView;
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

  /** Asks FluxImage only with access to it; a request refused for want of access says so. */
  async function request(key: string): Promise<FetchOutcome> {
    const accessOff: FetchOutcome = { ok: false, kind: 'access-off' };
    try {
      if (!(await deps.hasAccess())) return accessOff;
      const outcome = await deps.api.fetchUsage(key);
      // Without the host permission a fetch fails exactly like a network error.
      if (!outcome.ok && outcome.kind === 'network' && !(await deps.hasAccess())) return accessOff;
      return outcome;
    } catch {
      return { ok: false, kind: 'internal' };
    }
  }

  /**
   * An answer as it may be recorded now: access withdrawn while it was on its way (the pages
   * already say so) is not undone by it. Should the browser not say, the answer stands.
   */
  async function unlessAccessWithdrawn(outcome: FetchOutcome): Promise<FetchOutcome> {
    const granted = await deps.hasAccess().catch(() => true);
    return granted ? outcome : { ok: false, kind: 'access-off' };
  }

  /** Nothing to ask FluxImage: no key, a rejected key, or no access (until it is granted again). */
  async function waitsForUser(key: string | null, status: PollStatus | null): Promise<boolean> {
    if (!isWaitingForUser(key, status)) return false;
    return !(isFailure(status) && waitsForAccess(status.kind) && (await deps.hasAccess()));
  }

  async function redraw(): Promise<void> {
    const [key, snapshot, status, settings, insightSettings] = await Promise.all([
      store.apiKey.get(),
      store.snapshot.get(),
      store.status.get(),
      store.settings.get(),
      store.insightSettings.get(),
    ]);
    await deps.showView(toView({ hasKey: key !== null, snapshot, status, settings }), insightSettings);
  }

  /** Recomputes the popup's forecast block from what is stored (after a check, or a change of renewal day). */
  async function describe(): Promise<void> {
    const [snapshot, history, insightSettings] = await Promise.all([
      store.snapshot.get(),
      store.history.get(),
      store.insightSettings.get(),
    ]);
    if (!snapshot) return store.insightsView.remove();
    const now = deps.now();
    const input = { history, remaining: snapshot.usage.remainingCredits, renewalDay: insightSettings.renewalDay, now };
    await store.insightsView.set({ view: deps.describeInsights(input), computedAt: now });
  }

  const storeOrRemove = <T>(item: StoredValue<T>, value: T | null | undefined) =>
    value === undefined ? undefined : value === null ? item.remove() : item.set(value);

  async function apply(transition: Transition, usage: Usage | null, everyMinutes: number): Promise<void> {
    await Promise.all([
      storeOrRemove(store.snapshot, transition.snapshot),
      storeOrRemove(store.alertMemory, transition.alertMemory),
      storeOrRemove(store.history, transition.history),
      storeOrRemove(store.historyDecisionPending, transition.historyDecisionPending),
      storeOrRemove(store.insightAlertMemory, transition.insightAlertMemory),
      store.status.set(transition.status),
    ]);
    await deps.schedule(transition.nextAt, everyMinutes);
    if (transition.announce && usage) await deps.announce(transition.announce, usage);
    for (const announcement of transition.announceInsights) await deps.announceInsight(announcement);
    if (transition.history) await describe();
  }

  async function record(outcome: FetchOutcome): Promise<void> {
    const now = deps.now();
    const [alertMemory, settings, insightAlertMemory, insightSettings] = await Promise.all([
      store.alertMemory.get(),
      store.settings.get(),
      store.insightAlertMemory.get(),
      store.insightSettings.get(),
    ]);
    const alerts = { alertMemory, settings, insightAlertMemory, insightSettings };
    const every = repeatMinutes(insightSettings.checkEveryMinutes);
    if (outcome.ok) {
      // Not knowing where the person is must not cost a good answer: then someone may be looking.
      const [history, historyDecisionPending, presence] = await Promise.all([
        store.history.get(),
        store.historyDecisionPending.get(),
        deps.presence?.().catch(() => undefined),
      ]);
      const input = { ...alerts, history, historyDecisionPending, presence, random: deps.random() };
      return apply(afterSuccess(input, outcome.usage, now), outcome.usage, every);
    }
    // A run of failures that began by a clock since set back began, as far as we can tell, now.
    const previous = settleStatus(await store.status.get(), now, every);
    return apply(afterFailure(previous, outcome, now, deps.random(), alerts), null, every);
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

  /**
   * Drops what belonged to the key in use. The history goes with the key; for a new key it
   * stays until that key's first good answer tells whether it is the same account's.
   */
  async function forgetKeyData({ newKey }: { newKey: boolean }): Promise<void> {
    await Promise.all([
      store.snapshot.remove(),
      store.status.remove(),
      store.alertMemory.remove(),
      store.insightAlertMemory.remove(),
      store.insightsView.remove(),
      newKey ? store.historyDecisionPending.set(true) : store.historyDecisionPending.remove(),
      newKey ? undefined : store.history.remove(),
    ]);
    await deps.clearAnnouncements();
  }

  /** Whether the key an answer was asked with is still the one stored: only then is it recorded. */
  const isStoredKey = async (key: string) => (await store.apiKey.get()) === key;

  async function pollOnce(): Promise<void> {
    // Taken before anything is read: a key change from here on makes this answer stale.
    const ticket = serial.current();
    const [key, status] = await Promise.all([store.apiKey.get(), store.status.get()]);
    if (await waitsForUser(key, status)) {
      await deps.schedule(null);
      return redraw();
    }
    const outcome = await request(key!);
    await serial.exclusive(async () => {
      // A key saved meanwhile (its save may have superseded before this poll began) makes this answer another key's.
      if (!serial.isCurrent(ticket) || !(await isStoredKey(key!))) return;
      await recordAndRedraw(await unlessAccessWithdrawn(outcome));
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
    await settleClock();
    const [key, status] = await Promise.all([store.apiKey.get(), store.status.get()]);
    if (await waitsForUser(key, status)) return { result: 'idle' };
    const now = deps.now();
    const at = inFlight ? null : earliestUserRefresh(status, now);
    if (at !== null && at > now) return { result: 'too-soon', at };
    await poll();
    return { result: 'checked' };
  }

  /** Back online: retry at once if the last check failed for want of a network. */
  async function reconnect(): Promise<void> {
    const status = await store.status.get();
    if (isFailure(status) && FAILURES[status.kind].retryOnReconnect) return poll();
  }

  /**
   * Access to the API host was granted or taken away (from the popup, or in the browser's
   * settings): taken away, polling stops and the pages say so; given back, polling resumes at once.
   */
  async function accessChanged(): Promise<void> {
    const [granted, key, status] = await Promise.all([deps.hasAccess(), store.apiKey.get(), store.status.get()]);
    if (granted) {
      if (isFailure(status) && waitsForAccess(status.kind)) await poll();
      return;
    }
    if (isWaitingForUser(key, status)) return;
    const ticket = serial.current();
    await serial.exclusive(async () => {
      if (!serial.isCurrent(ticket)) return;
      await recordAndRedraw({ ok: false, kind: 'access-off' });
    });
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
      if (previous !== key) await forgetKeyData({ newKey: true });
      // The key was checked; what the pages show follows access as it is now.
      await recordAndRedraw(await unlessAccessWithdrawn(outcome));
      return outcome.ok
        ? { result: 'connected', usage: outcome.usage }
        : { result: 'unverified', kind: outcome.kind, saved: true };
    });
  }

  async function removeKey(): Promise<void> {
    serial.supersede();
    await serial.exclusive(async () => {
      await Promise.all([store.apiKey.remove(), forgetKeyData({ newKey: false })]);
      await deps.schedule(null);
      await redraw();
    });
  }

  /** Times stored ahead of a clock set back since: pulled back, and the alarm set again. */
  const settleClock = () => serial.exclusive(() => settleStoredTimes(store, deps));

  /**
   * Worker start: redraw the badge from storage (browsers do not keep it) and
   * make sure the schedule survived; poll only if there is nothing to show yet.
   */
  async function resume(): Promise<void> {
    await redraw();
    // The badge's tooltip tells the times too.
    if (await settleClock()) await redraw();
    const [key, status, snapshot] = await Promise.all([store.apiKey.get(), store.status.get(), store.snapshot.get()]);
    if (await waitsForUser(key, status)) return;
    // Nothing to show yet, or access came back while the worker was asleep.
    if ((!snapshot && !status) || (isFailure(status) && waitsForAccess(status.kind))) return poll();
    if (!(await deps.isScheduled())) {
      const { checkEveryMinutes } = await store.insightSettings.get();
      await deps.schedule(status?.nextAt ?? deps.now(), repeatMinutes(checkEveryMinutes));
    }
  }

  /**
   * The user changed the look-ahead settings: the badge may count something else, the
   * renewal day changes the forecast's words, and a new interval takes effect from now.
   */
  async function insightSettingsChanged(): Promise<void> {
    await redraw();
    await describe();
    const [key, status, { checkEveryMinutes }] = await Promise.all([
      store.apiKey.get(),
      store.status.get(),
      store.insightSettings.get(),
    ]);
    if (isWaitingForUser(key, status) || isFailure(status) || !status) return;
    await deps.schedule(
      nextCheckForChoice({ ...status, checkedAt: Math.min(status.checkedAt, deps.now()) }, checkEveryMinutes),
      repeatMinutes(checkEveryMinutes),
    );
  }

  /**
   * The person came back to the screen: with Automatic, a badge older than a few minutes is
   * checked at once, a younger one when it gets that old (unless a poll in flight plans anew).
   */
  async function personReturned(): Promise<void> {
    const checkNow = await serial.exclusive(async () => {
      const [status, history, { checkEveryMinutes }] = await Promise.all([
        store.status.get(),
        store.history.get(),
        store.insightSettings.get(),
      ]);
      const now = deps.now();
      const at = checkOnReturnAt(checkEveryMinutes, status, now, checksInLastDay(history.points, now));
      if (at === null || at <= now) return at !== null;
      if (!inFlight) await deps.schedule(at, repeatMinutes(checkEveryMinutes));
      return false;
    });
    if (checkNow) await poll();
  }

  const handlers: BackgroundApi = { refresh, saveKey, removeKey };
  return { ...handlers, poll, reconnect, resume, redraw, accessChanged, insightSettingsChanged, personReturned };
}
