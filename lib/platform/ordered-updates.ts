import type { StoredValue } from './storage';

/**
 * Changes to one stored value, applied one after another, each to what the one before
 * left in storage: two quick changes (a checkbox, then the check interval) both land, in
 * the order they were made, and neither writes back a value the page showed before the
 * other landed. A change that fails is not retried and does not stop the next.
 */
export function createUpdater<T>(item: Pick<StoredValue<T>, 'get' | 'set'>) {
  let last: Promise<unknown> = Promise.resolve();
  return (change: (current: T) => T): Promise<T> => {
    const run = last.then(async () => {
      const next = change(await item.get());
      await item.set(next);
      return next;
    });
    last = run.catch(() => undefined);
    return run;
  };
}
