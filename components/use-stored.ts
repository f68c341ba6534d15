import { useEffect, useState } from 'preact/hooks';
import type { FirstRead } from '@/lib/platform/first-read';
import type { StorageItem, StoredValue } from '@/lib/platform/storage';

let firstRead: FirstRead | undefined;

/**
 * Hands over what the page read before its first render (`readFirst`, both pages' main.tsx),
 * so items in it render with their stored value at once and are not read again right after
 * painting.
 */
export function provideFirstRead(read: FirstRead): void {
  firstRead = read;
}

/** The item's value from the page's first read, unless it was written since. */
function fromFirstRead<T>(item: StoredValue<T>): { value: T } | null {
  const { storageKeys, readFrom } = item as Partial<StorageItem<T>>;
  if (!firstRead || !storageKeys || !readFrom) return null;
  const { stored, written, keys } = firstRead;
  // An item the read did not ask for is not absent: it is read on its own.
  if (keys && !storageKeys.every((key) => keys.has(key))) return null;
  return storageKeys.some((key) => written.has(key)) ? null : readFrom(stored);
}

/**
 * A stored value that re-renders its component whenever it changes. Its first value is
 * the page's first read when that holds it, else `initial` until storage answers.
 */
export function useStored<T>(item: StoredValue<T>, initial: T): T {
  const [value, setValue] = useState(() => {
    const read = fromFirstRead(item);
    return read ? read.value : initial;
  });
  useEffect(() => {
    let current = true;
    let changed = false;
    const unwatch = item.watch((next) => {
      changed = true;
      setValue(next);
    });
    // Changes from here on arrive through watch; what came before is read once, unless the
    // first read already had it and nothing was written to it since. A change heard first
    // is newer than that read.
    if (!fromFirstRead(item)) void item.get().then((stored) => current && !changed && setValue(stored));
    return () => {
      current = false;
      unwatch();
    };
  }, [item]);
  return value;
}
