import type { RefreshResult, SaveKeyResult } from '../platform/messages';
import type { PollerDeps } from './deps';
import { FAILURES, waitsForAccess } from './failures';
import type { PollerContext } from './context';
import { removeKey, saveKey, type SaveKeyRequest } from './key-actions';
import { recordAndRedraw, redraw } from './record';
import { request, unlessAccessWithdrawn, waitsForUser } from './requests';
import { earliestUserRefresh } from './schedule';
import { createSerial } from './serial';
import { isFailure } from './status';
import { isWaitingForUser } from './transitions';
import { insightSettingsChanged, personReturned, resume, settleClock } from './upkeep';

export type { PollerDeps, PollerStore, UsageApi } from './deps';
export type Poller = ReturnType<typeof createPoller>;

/**
 * One account's watch, free of browser globals: when to ask FluxImage, what to keep
 * from the answer (record.ts), the key actions (key-actions.ts) and the schedule's upkeep
 * (upkeep.ts). Errors are not swallowed here: a page that asked hears of them, and the
 * background's event listeners guard themselves.
 */
export function createPoller(deps: PollerDeps) {
  const { store } = deps;
  const serial = createSerial();
  let inFlight: Promise<void> | null = null;

  async function pollOnce(): Promise<void> {
    // Taken before anything is read: a key change from here on makes this answer stale.
    const ticket = serial.current();
    const [key, status] = await Promise.all([store.apiKey.get(), store.status.get()]);
    if (await waitsForUser(deps, key, status)) {
      await deps.schedule(null);
      return redraw(deps);
    }
    const outcome = await request(deps, key!);
    await serial.exclusive(async () => {
      // A key saved meanwhile (its save may have superseded before this poll began) makes this answer another key's.
      if (!serial.isCurrent(ticket) || (await store.apiKey.get()) !== key) return;
      await recordAndRedraw(deps, await unlessAccessWithdrawn(deps, outcome));
    });
  }

  /** One request at a time: a poll asked for while one is running joins it. */
  function poll(): Promise<void> {
    inFlight ??= pollOnce().finally(() => {
      inFlight = null;
    });
    return inFlight;
  }

  const context: PollerContext = { deps, serial, poll, isPolling: () => inFlight !== null };

  /**
   * A refresh asked for by the user. It joins a poll in flight, and keeps a minimum
   * gap after the last check (and any Retry-After), so clicking cannot flood FluxImage.
   */
  async function refresh(): Promise<RefreshResult> {
    await settleClock(context);
    const [key, status] = await Promise.all([store.apiKey.get(), store.status.get()]);
    if (await waitsForUser(deps, key, status)) return { result: 'idle' };
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
      if (serial.isCurrent(ticket)) await recordAndRedraw(deps, { ok: false, kind: 'access-off' });
    });
  }

  return {
    refresh,
    saveKey: (request: SaveKeyRequest): Promise<SaveKeyResult> => saveKey(context, request),
    removeKey: () => removeKey(context),
    poll,
    reconnect,
    accessChanged,
    resume: () => resume(context),
    redraw: () => redraw(deps),
    insightSettingsChanged: () => insightSettingsChanged(context),
    personReturned: () => personReturned(context),
  };
}
