import { EMPTY_HISTORY, type UsageHistory } from './history';
import { decodeHistory, encodeHistory, type StoredHistory } from './history-codec';
import { defineStoredValue, type StorageItem } from './storage';

const storedHistory = defineStoredValue<StoredHistory | null>('usageHistory', {
  parse: (value) => (decodeHistory(value) ? (value as StoredHistory) : undefined),
  fallback: null,
  version: 1,
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
