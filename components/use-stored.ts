import { useEffect, useState } from 'preact/hooks';
import type { StoredValue } from '@/lib/storage';

/** A stored value that re-renders its component whenever it changes. */
export function useStored<T>(item: StoredValue<T>, initial: T): T {
  const [value, setValue] = useState(initial);
  useEffect(() => {
    let current = true;
    const unwatch = item.watch(setValue);
    void item.get().then((stored) => current && setValue(stored));
    return () => {
      current = false;
      unwatch();
    };
  }, [item]);
  return value;
}
