import { FIRST_ACCOUNT, accountKey } from './account-id';
import { defineStoredFamily } from '../platform/storage';

/** FluxImage API keys: `flx_live_` followed by 40 hexadecimal characters. */
export const KEY_PREFIX = 'flx_live_';
export const KEY_TAIL_LENGTH = 40;
const KEY_PATTERN = /^flx_live_[0-9a-f]{40}$/i;

export function isApiKey(value: string): boolean {
  return KEY_PATTERN.test(value);
}

/** `flx_live_a3f9…b2c1`: enough to recognise a key, too little to use it. */
export function maskKey(key: string): string {
  const tail = key.startsWith(KEY_PREFIX) ? key.slice(KEY_PREFIX.length) : key;
  if (tail.length <= 8) return `${KEY_PREFIX}…`;
  return `${KEY_PREFIX}${tail.slice(0, 4)}…${tail.slice(-4)}`;
}

/** The key, in `storage.local` only (never synced): anything that is not a key reads as none. */
export const apiKeyItems = defineStoredFamily<string | null>(accountKey('apiKey'), {
  parse: (value) => (typeof value === 'string' && isApiKey(value) ? value : null),
  fallback: null,
  version: 1,
});
/** The first account's (the only one of a single-key install). */
export const apiKeyItem = apiKeyItems(FIRST_ACCOUNT);
