import { FIRST_ACCOUNT, accountKey } from '../account/account-id';
import { EMPTY_HISTORY, type UsageHistory } from './points';
import { decodeHistory, encodeHistory, type StoredHistory } from './codec';
import { historyFromVersion1 } from './migration';
import { defineStoredFamily, type StorageItem } from '../platform/storage';

const storedHistories = defineStoredFamily<StoredHistory | null>(accountKey('usageHistory'), {
  parse: (value) => (decodeHistory(value) ? (value as StoredHistory) : undefined),
  fallback: null,
  // Version 2 keeps each reset as a window (last reading before, first after) instead of one time.
  version: 2,
  migrations: { 2: historyFromVersion1 },
});

const histories = new Map<string, StorageItem<UsageHistory>>();

/** An account's history in `storage.local`, apart from its snapshot so it never slows the first paint. */
export function historyItems(account: string): StorageItem<UsageHistory> {
  const known = histories.get(account);
  if (known) return known;
  const stored = storedHistories(account);
  const item: StorageItem<UsageHistory> = {
    storageKeys: stored.storageKeys,
    readFrom: (values) => {
      const read = stored.readFrom(values);
      return read && { value: decodeHistory(read.value) ?? EMPTY_HISTORY };
    },
    get: async () => decodeHistory(await stored.get()) ?? EMPTY_HISTORY,
    set: (history) => stored.set(encodeHistory(history)),
    remove: () => stored.remove(),
    watch: (callback) => stored.watch((value) => callback(decodeHistory(value) ?? EMPTY_HISTORY)),
  };
  histories.set(account, item);
  return item;
}

/** The first account's (the only one of a single-key install). */
export const historyItem = historyItems(FIRST_ACCOUNT);
