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

/**
 * `useStored` over a list of items that can change while the page is open (one per
 * account): each item's value, in the list's order. An item's first value is the page's
 * first read when that holds it, else `initial` until storage answers; it is kept from the
 * first frame on, so a write that lands before its change is heard never flashes `initial`.
 */
export function useStoredEach<T>(items: readonly StoredValue<T>[], initial: T): T[] {
  const [heard, setHeard] = useState<ReadonlyMap<StoredValue<T>, T>>(() => new Map());
  const [seen] = useState(() => new Map<StoredValue<T>, { value: T } | null>());
  const firstOf = (item: StoredValue<T>) => {
    if (!seen.has(item)) seen.set(item, fromFirstRead(item));
    return seen.get(item) ?? null;
  };
  useEffect(() => {
    let current = true;
    const changed = new Set<StoredValue<T>>();
    const put = (item: StoredValue<T>, value: T) => {
      if (current) setHeard((old) => new Map(old).set(item, value));
    };
    const unwatch = items.map((item) =>
      item.watch((next) => {
        changed.add(item);
        put(item, next);
      }),
    );
    for (const item of items) {
      // Written since the first read (or not in it): read again, unless a change was heard first.
      if (!fromFirstRead(item)) void item.get().then((stored) => changed.has(item) || put(item, stored));
    }
    return () => {
      current = false;
      for (const stop of unwatch) stop();
    };
  }, items);
  return items.map((item) => {
    if (heard.has(item)) return heard.get(item) as T;
    const read = firstOf(item);
    return read ? read.value : initial;
  });
}
