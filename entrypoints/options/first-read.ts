import { browser } from 'wxt/browser';
import type { FirstRead } from '@/components/use-stored';

/**
 * A page's one storage read before its first render. It reads the whole area in one call:
 * the extension keeps a handful of items there (the largest, the usage history, stays
 * around 30 kB). Writes are noted from the moment it is asked for, so a value that changes
 * before the page has subscribed to it is read again (components/use-stored.ts).
 */
export async function readFirst(): Promise<FirstRead> {
  const written = new Set<string>();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local') for (const key of Object.keys(changes)) written.add(key);
  });
  return { stored: await browser.storage.local.get(null), written };
}
