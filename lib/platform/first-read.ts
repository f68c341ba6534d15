import { browser } from 'wxt/browser';

/** What a page read from storage before its first render. */
export interface FirstRead {
  /** What was in `storage.local` under the keys asked for (all of it when none were named). */
  stored: Record<string, unknown>;
  /** Storage keys written since the read was asked for; it keeps filling as writes land. */
  written: ReadonlySet<string>;
  /** The storage keys it read; `null` when it read the whole area. */
  keys: ReadonlySet<string> | null;
}

/**
 * A page's one storage read before its first render, so what is stored is in the first
 * frame instead of replacing defaults a moment later (components/use-stored.ts hands it to
 * each `useStored`). The popup names the items it draws first; the options page reads the
 * whole area (a handful of items; the largest, the usage history, about 30 kB). Writes are
 * noted from the moment it is asked for, so a value changed before the page subscribed to
 * it is read again.
 */
export async function readFirst(items?: readonly { storageKeys: readonly string[] }[]): Promise<FirstRead> {
  const written = new Set<string>();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local') for (const key of Object.keys(changes)) written.add(key);
  });
  const keys = items ? items.flatMap((item) => [...item.storageKeys]) : null;
  // An item still to be migrated is not in it: `useStored` reads that one, migrated, after the first frame.
  return { stored: await browser.storage.local.get(keys), written, keys: keys && new Set(keys) };
}
