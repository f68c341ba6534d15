import { browser } from 'wxt/browser';
import * as z from 'zod/mini';

/** A value kept somewhere, as the poller and the pages use it. */
export interface StoredValue<T> {
  get(): Promise<T>;
  set(value: T): Promise<void>;
  remove(): Promise<void>;
  watch(callback: (value: T) => void): () => void;
}

/** A stored value in `storage.local`, readable together with others in one call. */
export interface StorageItem<T> extends StoredValue<T> {
  /** The storage keys behind the item: its value and its version. */
  readonly storageKeys: readonly string[];
  /** The value from keys already fetched, or `null` when it still needs migrating. */
  readFrom(stored: Record<string, unknown>): { value: T } | null;
}

interface ValueOptions<T> {
  /** The value when it is valid, `undefined` when it is not. */
  parse: (value: unknown) => T | undefined;
  fallback: T;
  version: number;
  /** `migrations[n]` turns version n − 1 data into version n; `undefined` drops data it cannot carry forward. */
  migrations?: Record<number, (old: unknown) => unknown>;
}

/**
 * The version that wrote a value: 1 when there is no marker (data from before
 * versioning), `null` when the marker is not a version this code knows, an integer
 * from 1 to `current`. Such a value is damaged or from a newer release, and is
 * read as absent: never walked through a loop of a trillion migrations.
 */
const versionOf = (meta: unknown, current: number): number | null => {
  if (meta === undefined) return 1;
  const v = typeof meta === 'object' && meta !== null ? (meta as { v?: unknown }).v : undefined;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= current ? v : null;
};

/**
 * A versioned item in `storage.local` whose value is checked on every read:
 * anything corrupt or foreign is treated as absent instead of crashing a page.
 *
 * The version sits beside the value under `<key>$` as `{ v }`, the layout of WXT's
 * `storage.defineItem`; this small equivalent keeps WXT's mutex, deep-equal and
 * driver layer (2.6 kB gzip) out of every page and the worker.
 */
export function defineStoredValue<T>(key: string, options: ValueOptions<T>): StorageItem<T> {
  const metaKey = `${key}$`;
  const area = () => browser.storage.local;
  const valid = (value: unknown): T => options.parse(value) ?? options.fallback;
  let migrated: Promise<void> | undefined;

  const readFrom = (stored: Record<string, unknown>): { value: T } | null => {
    if (stored[key] === undefined) return { value: options.fallback };
    const version = versionOf(stored[metaKey], options.version);
    if (version === null) return { value: options.fallback };
    return version === options.version ? { value: valid(stored[key]) } : null;
  };

  /** Walks stored data forward from the version that wrote it, once per page or worker. */
  const migrate = () => (migrated ??= migrateStored(key, options));

  // One round trip when the data is current (always, once migrated): a worker's start
  // draws the badge from four items, each read with a single call.
  const get = async (): Promise<T> => {
    const current = readFrom(await area().get([key, metaKey]));
    if (current) return current.value;
    await migrate();
    return readFrom(await area().get([key, metaKey]))?.value ?? options.fallback;
  };

  return {
    storageKeys: [key, metaKey],
    readFrom,
    get,
    // A write waits for a migration under way, which would otherwise overwrite it with older data.
    set: async (value) => {
      await migrate();
      await area().set({ [key]: value, [metaKey]: { v: options.version } });
    },
    remove: async () => {
      await migrate();
      await area().remove([key, metaKey]);
    },
    watch: (callback) => watchStored([key, metaKey], get, callback),
  };
}

/** Walks the stored value of `key` forward from the version that wrote it to `options.version`. */
async function migrateStored<T>(key: string, options: ValueOptions<T>): Promise<void> {
  const metaKey = `${key}$`;
  const area = browser.storage.local;
  const stored = await area.get([key, metaKey]);
  const from = versionOf(stored[metaKey], options.version);
  if (from === null || from === options.version) return;
  let value = stored[key];
  if (value !== undefined) {
    for (let version = from + 1; version <= options.version; version += 1) {
      const step = options.migrations?.[version];
      if (step) value = step(value);
      // A step that returns nothing drops the data: the walk ends there.
      if (value === undefined) break;
    }
    if (value === undefined) await area.remove(key);
  }
  await area.set(
    value === undefined ? { [metaKey]: { v: options.version } } : { [key]: value, [metaKey]: { v: options.version } },
  );
}

/**
 * Calls `callback` with the value after each change of `keys`, read again exactly as `get`
 * reads (the version marker checked, migrations walked): a change event holds only what
 * changed. Of reads that cross, only the one begun last is delivered, so an earlier read
 * never overwrites a later change.
 */
function watchStored<T>(keys: readonly string[], get: () => Promise<T>, callback: (value: T) => void): () => void {
  let latest = 0;
  let watching = true;
  const listener = (changes: Record<string, unknown>, areaName: string) => {
    if (areaName !== 'local' || !keys.some((key) => key in changes)) return;
    const read = (latest += 1);
    get().then(
      (value) => {
        if (watching && read === latest) callback(value);
      },
      () => undefined,
    );
  };
  browser.storage.onChanged.addListener(listener);
  return () => {
    watching = false;
    browser.storage.onChanged.removeListener(listener);
  };
}

/** A stored value's check: what `schema` accepts, else absent. */
export function withSchema<T>(schema: z.ZodMiniType<T>) {
  return (value: unknown): T | undefined => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  };
}

/**
 * One stored value per account, each under its own storage key (`keyFor(account)`), with the
 * same check, fallback and versions. Each account's item is made once and kept.
 */
export function defineStoredFamily<T>(
  keyFor: (account: string) => string,
  options: ValueOptions<T>,
): (account: string) => StorageItem<T> {
  const items = new Map<string, StorageItem<T>>();
  return (account) => {
    let item = items.get(account);
    if (!item) items.set(account, (item = defineStoredValue(keyFor(account), options)));
    return item;
  };
}

/** Raw `storage.local` values, for a migration that moves data between items before any item reads it. */
export const readStoredRaw = (keys: readonly string[]): Promise<Record<string, unknown>> =>
  browser.storage.local.get([...keys]);

/** Writes raw `storage.local` values at once, for such a migration. */
export const writeStoredRaw = (values: Record<string, unknown>): Promise<void> => browser.storage.local.set(values);

/** Calls `listener` with the keys of each change to `storage.local`. */
export function onStoredKeysChanged(listener: (keys: string[]) => void): void {
  browser.storage.onChanged.addListener((changes, areaName) => {
    if (areaName === 'local') listener(Object.keys(changes));
  });
}
