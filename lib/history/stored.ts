import { EMPTY_HISTORY, type UsageHistory } from './points';
import { decodeHistory, encodeHistory, type StoredHistory } from './codec';
import { historyFromVersion1 } from './migration';
import { defineStoredValue, type StorageItem } from '../platform/storage';

const storedHistory = defineStoredValue<StoredHistory | null>('usageHistory', {
  parse: (value) => (decodeHistory(value) ? (value as StoredHistory) : undefined),
  fallback: null,
  // Version 2 keeps each reset as a window (last reading before, first after) instead of one time.
  version: 2,
  migrations: { 2: historyFromVersion1 },
});

/** The history in `storage.local`, apart from the snapshot so it never slows the first paint. */
export const historyItem: StorageItem<UsageHistory> = {
  storageKeys: storedHistory.storageKeys,
  readFrom: (stored) => {
    const read = storedHistory.readFrom(stored);
    return read && { value: decodeHistory(read.value) ?? EMPTY_HISTORY };
  },
  get: async () => decodeHistory(await storedHistory.get()) ?? EMPTY_HISTORY,
  set: (history) => storedHistory.set(encodeHistory(history)),
  remove: () => storedHistory.remove(),
  watch: (callback) => storedHistory.watch((value) => callback(decodeHistory(value) ?? EMPTY_HISTORY)),
};
