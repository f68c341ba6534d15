import * as z from 'zod/mini';
import { defineStoredValue, withSchema } from '../platform/storage';
import type { Translate } from '../platform/i18n';
import { planLabel } from './plan';
import { ACCOUNT_ID_PATTERN, FIRST_ACCOUNT } from './account-id';

/** At most this many accounts are watched: each costs its own requests. */
export const MAX_ACCOUNTS = 10;

/** A name the user gave an account is at most this long (in characters). */
export const ACCOUNT_NAME_MAX = 40;

const accountSchema = z.object({
  id: z.string().check(z.regex(ACCOUNT_ID_PATTERN)),
  /** The user's name for it; `null` shows the default, the plan and the key's last four characters. */
  name: z.nullable(z.string().check(z.minLength(1), z.maxLength(ACCOUNT_NAME_MAX * 2))),
  addedAt: z.number(),
});

export type Account = z.infer<typeof accountSchema>;

const accountListSchema = z.array(accountSchema).check(
  z.maxLength(MAX_ACCOUNTS),
  z.refine((list) => new Set(list.map(({ id }) => id)).size === list.length),
);

/**
 * The accounts watched, in the order they were added. Each account's key, numbers and
 * history are stored apart under its id (lib/account/account-id.ts); an empty list is a
 * fresh install. A damaged list reads as empty, and lib/account/upgrade.ts adopts a key it
 * finds without an account.
 */
export const accountsItem = defineStoredValue<Account[]>('accounts', {
  parse: withSchema(accountListSchema),
  fallback: [],
  version: 1,
});

/** The id for a new account: the first free one, so a lone account always uses the first account's keys. */
export function newAccountId(accounts: readonly Account[]): string {
  const taken = new Set(accounts.map(({ id }) => id));
  for (let n = 0; ; n += 1) {
    const id = n === 0 ? FIRST_ACCOUNT : `a${n}`;
    if (!taken.has(id)) return id;
  }
}

/**
 * A name as typed: control and formatting characters dropped, spaces folded, cut to
 * `ACCOUNT_NAME_MAX` characters; `null` when nothing is left (the default name then shows).
 */
export function cleanAccountName(raw: string): string | null {
  const cleaned = raw
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
  if (cleaned === '') return null;
  return Array.from(cleaned).slice(0, ACCOUNT_NAME_MAX).join('').trim();
}

/** The last four characters of a key: enough to tell keys apart, too little to use one. */
export const keyTail = (key: string | null): string => (key ? key.slice(-4) : '····');

/** "Pro ··7c1e": the plan (when known) and the key's last four characters. */
export function defaultAccountName(plan: string | null, key: string | null, t: Translate): string {
  return `${plan === null ? t('accountUnnamed') : planLabel(plan, t)} ··${keyTail(key)}`;
}

/** What an account is called: the user's name, else the default. */
export function accountName(account: Account, plan: string | null, key: string | null, t: Translate): string {
  return account.name ?? defaultAccountName(plan, key, t);
}

/** The account the popup showed last, chosen there or by a click on a notification. */
export const popupAccountItem = defineStoredValue<string | null>('popupAccount', {
  parse: (value) => (typeof value === 'string' && ACCOUNT_ID_PATTERN.test(value) ? value : null),
  fallback: null,
  version: 1,
});
