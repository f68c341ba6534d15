import type { SaveKeyResult } from '../platform/messages';
import type { PollerContext } from './context';
import type { PollerDeps } from './deps';
import { rejectsKey } from './failures';
import { recordAndRedraw, redraw } from './record';
import { request, unlessAccessWithdrawn } from './requests';

export interface SaveKeyRequest {
  key: string;
  force: boolean;
  /** The other account that holds `key` already, if any: then this one is not saved. */
  holderOf?: (key: string) => Promise<string | null>;
}

// Saving and removing the key: each takes a ticket when asked for, so the last action, in any window, wins.

/**
 * Drops what belonged to the key in use. The history goes with the key; for a new key it
 * stays until that key's first good answer tells whether it is the same account's.
 */
async function forgetKeyData(deps: PollerDeps, { newKey }: { newKey: boolean }): Promise<void> {
  const { store } = deps;
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

/** Checks a key with FluxImage before it replaces the one in use. An unconfirmed key is stored only when forced. */
export async function saveKey(
  { deps, serial }: PollerContext,
  { key, force, holderOf }: SaveKeyRequest,
): Promise<SaveKeyResult> {
  const ticket = serial.supersede();
  const outcome = await request(deps, key);
  return serial.exclusive(async (): Promise<SaveKeyResult> => {
    if (!serial.isCurrent(ticket)) return { result: 'superseded' };
    // Asked again as it is stored: another window may have saved this key for another account meanwhile.
    const holder = await holderOf?.(key);
    if (holder) return { result: 'duplicate', account: holder };
    if (!outcome.ok && rejectsKey(outcome.kind)) return { result: 'rejected' };
    if (!outcome.ok && !force) return { result: 'unverified', kind: outcome.kind, saved: false };
    const previous = await deps.store.apiKey.get();
    await deps.store.apiKey.set(key);
    if (previous !== key) await forgetKeyData(deps, { newKey: true });
    // The key was checked; what the pages show follows access as it is now.
    await recordAndRedraw(deps, await unlessAccessWithdrawn(deps, outcome));
    return outcome.ok
      ? { result: 'connected', usage: outcome.usage }
      : { result: 'unverified', kind: outcome.kind, saved: true };
  });
}

export async function removeKey({ deps, serial }: PollerContext): Promise<void> {
  serial.supersede();
  await serial.exclusive(async () => {
    await Promise.all([deps.store.apiKey.remove(), forgetKeyData(deps, { newKey: false })]);
    await deps.schedule(null);
    await redraw(deps);
  });
}
