/** FluxImage API keys: `flx_live_` followed by 40 hexadecimal characters. */
export const KEY_PREFIX = 'flx_live_';
const KEY_TAIL_LENGTH = 40;
const KEY_PATTERN = /^flx_live_[0-9a-f]{40}$/i;
// A run that looks like a key, wherever it stands in what was pasted.
const CANDIDATE = /flx_live_[A-Za-z0-9_\-+/=.]*/g;

export type KeyProblem = 'empty' | 'missing-prefix' | 'several-keys' | 'wrong-length' | 'not-hex';

export type KeyInput = { ok: true; key: string } | { ok: false; problem: KeyProblem };

export function isApiKey(value: string): boolean {
  return KEY_PATTERN.test(value);
}

/**
 * Finds the key in what a person pasted: stray whitespace and quotes, a `Bearer `
 * prefix, a whole `Authorization:` header line or a curl command are all accepted
 * when exactly one key is inside. Otherwise says what is wrong, without echoing it.
 */
export function parseKeyInput(raw: string): KeyInput {
  if (raw.trim() === '') return { ok: false, problem: 'empty' };
  const candidates = new Set(raw.match(CANDIDATE) ?? []);
  if (candidates.size === 0) return { ok: false, problem: 'missing-prefix' };
  if (candidates.size > 1) return { ok: false, problem: 'several-keys' };
  const [candidate = ''] = candidates;
  const tail = candidate.slice(KEY_PREFIX.length);
  if (tail.length !== KEY_TAIL_LENGTH) return { ok: false, problem: 'wrong-length' };
  if (!isApiKey(candidate)) return { ok: false, problem: 'not-hex' };
  return { ok: true, key: candidate };
}

/** `flx_live_a3f9…b2c1`: enough to recognise a key, too little to use it. */
export function maskKey(key: string): string {
  const tail = key.startsWith(KEY_PREFIX) ? key.slice(KEY_PREFIX.length) : key;
  if (tail.length <= 8) return `${KEY_PREFIX}…`;
  return `${KEY_PREFIX}${tail.slice(0, 4)}…${tail.slice(-4)}`;
}
