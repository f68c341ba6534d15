import { storage, type StorageItemKey } from 'wxt/utils/storage';
import * as z from 'zod/mini';
import { alertMemorySchema, type AlertMemory } from './alerts';
import { pollStatusSchema, type PollStatus } from './status';
import { DEFAULT_SETTINGS, settingsSchema, type Settings } from './settings';
import { snapshotSchema, type UsageSnapshot } from './usage';
import { isApiKey } from './key';

export interface StoredValue<T> {
  get(): Promise<T>;
  set(value: T): Promise<void>;
  remove(): Promise<void>;
  watch(callback: (value: T) => void): () => void;
}

interface ValueOptions<T> {
  schema: z.ZodMiniType<T>;
  fallback: T;
  version: number;
  migrations?: Record<number, (old: unknown) => unknown>;
}

/**
 * A versioned item in `storage.local` whose value is checked on every read:
 * anything corrupt or foreign is treated as absent instead of crashing a page.
 */
export function defineStoredValue<T>(key: StorageItemKey, options: ValueOptions<T>): StoredValue<T> {
  const item = storage.defineItem<unknown>(key, {
    version: options.version,
    ...(options.migrations ? { migrations: options.migrations } : {}),
  });
  const valid = (value: unknown): T => {
    const parsed = options.schema.safeParse(value);
    return parsed.success ? parsed.data : options.fallback;
  };
  return {
    get: async () => valid(await item.getValue()),
    set: (value) => item.setValue(value),
    remove: () => item.removeValue(),
    watch: (callback) => item.watch((value) => callback(valid(value))),
  };
}

// Every item lives in local storage: nothing here is ever synced across devices.
export const apiKeyItem = defineStoredValue<string | null>('local:apiKey', {
  schema: z.nullable(z.string().check(z.refine(isApiKey))),
  fallback: null,
  version: 1,
});

export const snapshotItem = defineStoredValue<UsageSnapshot | null>('local:usageSnapshot', {
  schema: z.nullable(snapshotSchema),
  fallback: null,
  version: 1,
});

export const pollStatusItem = defineStoredValue<PollStatus | null>('local:pollStatus', {
  schema: z.nullable(pollStatusSchema),
  fallback: null,
  version: 1,
});

export const alertMemoryItem = defineStoredValue<AlertMemory>('local:alertMemory', {
  schema: alertMemorySchema,
  fallback: 'normal',
  version: 1,
});

export const settingsItem = defineStoredValue<Settings>('local:settings', {
  schema: settingsSchema,
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Every stored item, as the background's poller reads and writes them. */
export const extensionStore = {
  apiKey: apiKeyItem,
  snapshot: snapshotItem,
  status: pollStatusItem,
  alertMemory: alertMemoryItem,
  settings: settingsItem,
};
