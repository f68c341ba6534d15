import { browser } from 'wxt/browser';
import type { StorageItem } from './storage';

/** What a page read from storage before its first render. */
export interface FirstRead {
  /** What was in `storage.local` under the keys asked for (all of it when none were named). */
  stored: Record<string, unknown>;
  /** Storage keys written since the read was asked for; it keeps filling as writes land. */
  written: ReadonlySet<string>;
}

/**
 * A page's one storage read before its first render, so what is stored is in the first
 * frame instead of replacing defaults a moment later (components/use-stored.ts hands it to
 * each `useStored`). The popup names the items it draws first; the options page reads the
 * whole area (a handful of items; the largest, the usage history, about 30 kB). Writes are
 * noted from the moment it is asked for, so a value changed before the page subscribed to
 * it is read again.
 */
export async function readFirst(items?: readonly StorageItem<unknown>[]): Promise<FirstRead> {
  const written = new Set<string>();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local') for (const key of Object.keys(changes)) written.add(key);
  });
  const keys = items ? items.flatMap((item) => [...item.storageKeys]) : null;
  const stored = await browser.storage.local.get(keys);
  // A named item written by an older version is migrated first (then read again), so the first
  // frame never shows a default where stored data is waiting for its migration.
  const outdated = items?.filter((item) => item.readFrom(stored) === null) ?? [];
  if (outdated.length === 0) return { stored, written };
  await Promise.all(outdated.map((item) => item.get()));
  return { stored: await browser.storage.local.get(keys), written };
}
