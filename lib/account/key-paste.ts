import { KEY_PREFIX, KEY_TAIL_LENGTH } from './key';

// Reading what a person pasted into the options page. Kept apart from `key.ts`, which
// every page and the worker load, since only the options page needs it.

// Where a key may begin, in any case: `FLX_LIVE_` is the same key.
const PREFIXES = /flx_live_/gi;
const HAS_PREFIX = /flx_live_/i;
// What follows a prefix up to the next space, quote, bracket or separator
// (U+FEFF counts as a space to \s, but in a key it is an invisible intruder).
const TAIL_RUN = /^(?:\uFEFF|[^\s"'`<>()[\]{},;|&\\])*/;
const HEX = /^[0-9a-f]*/i;
// Characters a key never has but a copy can carry: invisible ones (zero-width
// space, bidi marks, soft hyphen…) and any letter or digit outside ASCII, such as
// a Cyrillic a (U+0430) that looks like a Latin "a".
const HIDDEN_OR_LOOK_ALIKE = /[\p{Cf}\p{Cc}]|\P{ASCII}/u;
const INVISIBLE = /[\p{Cf}\p{Cc}]/gu;
// A tail counts as an attempt at a key when it starts with this many characters
// that are hex or could be hex in disguise; `flx_live_key` in a URL or a variable
// name does not.
const KEY_LIKE = /^(?:[0-9a-f]|[\p{Cf}]|\P{ASCII}){16}/iu;
// After the key, anything that starts with a letter or digit belongs to it.
const PART_OF_KEY = /^[\p{L}\p{N}]/u;

export type KeyProblem = 'empty' | 'missing-prefix' | 'several-keys' | 'wrong-length' | 'not-hex' | 'hidden-characters';

export type KeyInput = { ok: true; key: string } | { ok: false; problem: KeyProblem };

/** The key a tail after `flx_live_` holds, or what is wrong with it. */
function readTail(tail: string): KeyInput {
  const hex = HEX.exec(tail)![0];
  const rest = tail.slice(KEY_TAIL_LENGTH);
  // Trailing punctuation or a suffix such as `.`, `-`, `,` or `_old` is not part of the key.
  if (hex.length >= KEY_TAIL_LENGTH && !PART_OF_KEY.test(rest)) {
    return { ok: true, key: `${KEY_PREFIX}${hex.slice(0, KEY_TAIL_LENGTH)}` };
  }
  if (HIDDEN_OR_LOOK_ALIKE.test(tail)) return { ok: false, problem: 'hidden-characters' };
  const keyPart = /^[0-9a-z]*/i.exec(tail)![0];
  if (keyPart.length !== KEY_TAIL_LENGTH) return { ok: false, problem: 'wrong-length' };
  return { ok: false, problem: 'not-hex' };
}

/**
 * Finds the key in what a person pasted: stray whitespace and quotes, a `Bearer `
 * prefix, a whole `Authorization:` header line or a curl command are all accepted
 * when exactly one key is inside, and punctuation stuck to its end is dropped.
 * Otherwise says what is wrong, without echoing it.
 */
export function parseKeyInput(raw: string): KeyInput {
  if (raw.trim() === '') return { ok: false, problem: 'empty' };
  const tails = [...raw.matchAll(PREFIXES)].map(
    (match) => TAIL_RUN.exec(raw.slice(match.index + KEY_PREFIX.length))![0],
  );
  if (tails.length === 0) {
    // A prefix with a zero-width space inside it is there, but hidden.
    const hidden = HAS_PREFIX.test(raw.replace(INVISIBLE, ''));
    return { ok: false, problem: hidden ? 'hidden-characters' : 'missing-prefix' };
  }
  const attempts = tails.filter((tail) => KEY_LIKE.test(tail));
  // Only text that looks like a key counts: with none, the first `flx_live_` says what is wrong.
  if (attempts.length === 0) return readTail(tails[0]!);
  const readings = new Map(
    attempts.map((tail) => {
      const reading = readTail(tail);
      return [reading.ok ? reading.key : tail, reading] as const;
    }),
  );
  if (readings.size > 1) return { ok: false, problem: 'several-keys' };
  return [...readings.values()][0]!;
}
