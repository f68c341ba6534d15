import type { SaveKeyRequest, SaveKeyResult } from '../platform/messages';
import type { PollerDeps } from './deps';
import { rejectsKey } from './failures';
import type { Recorder } from './record';
import type { Requests } from './requests';
import type { Serial } from './serial';

interface KeyActionParts {
  deps: PollerDeps;
  serial: Serial;
  requests: Requests;
  recorder: Recorder;
}

/** Saving and removing the key: each takes a ticket when asked for, so the last action, in any window, wins. */
export function createKeyActions({ deps, serial, requests, recorder }: KeyActionParts) {
  const { store } = deps;

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

  /**
   * Checks a key with FluxImage before it replaces the one in use. An unconfirmed key
   * is stored only when forced.
   */
  async function saveKey({ key, force }: SaveKeyRequest): Promise<SaveKeyResult> {
    const ticket = serial.supersede();
    const outcome = await requests.request(key);
    return serial.exclusive(async (): Promise<SaveKeyResult> => {
      if (!serial.isCurrent(ticket)) return { result: 'superseded' };
      if (!outcome.ok && rejectsKey(outcome.kind)) return { result: 'rejected' };
      if (!outcome.ok && !force) return { result: 'unverified', kind: outcome.kind, saved: false };
      const previous = await store.apiKey.get();
      await store.apiKey.set(key);
      if (previous !== key) await forgetKeyData({ newKey: true });
      // The key was checked; what the pages show follows access as it is now.
      await recorder.recordAndRedraw(await requests.unlessAccessWithdrawn(outcome));
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
      await recorder.redraw();
    });
  }

  return { saveKey, removeKey };
}
