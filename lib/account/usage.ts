import { FIRST_ACCOUNT, accountKey } from './account-id';
import * as z from 'zod/mini';
import { storedTime, wholeCount } from './numbers';
import { defineStoredFamily, withSchema } from '../platform/storage';

/** The compression cap the API reports for "unlimited" plans (documented as e.g. 99999). */
export const UNLIMITED_SENTINEL = 99_999;
const UNLIMITED_PLANS = new Set(['pro', 'agency']);

const count = wholeCount;

/**
 * Characters that are invisible or reorder the text around them: controls (C0, C1),
 * format characters (bidi embeddings, overrides and isolates, U+200B–U+200F, U+061C,
 * U+FEFF…) and line or paragraph separators. FluxImage's text never needs them, and
 * U+202E in a plan name would turn "Connected: … plan" around.
 */
const HIDDEN_CHARACTERS = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

const cleanText = (text: string): string => text.replace(HIDDEN_CHARACTERS, '');

/** A plan name with its hidden characters removed; nothing left is no plan name. */
const planName = z.string().check(z.overwrite(cleanText), z.minLength(1));

const topupValue = z.optional(z.unknown());
const topupsSchema = z.object({ small: topupValue, medium: topupValue, large: topupValue });

/**
 * GET /api/usage, as FluxImage publishes it. Unknown extra fields are ignored
 * and an unknown plan name is kept for display: the API may grow.
 */
export const usageResponseSchema = z.object({
  plan: planName,
  compressor_used: count,
  compressor_limit: count,
  ia_credits_used: count,
  ia_credits_monthly: count,
  ia_topup_credits: count,
  ia_credits_remaining: count,
  canCompress: z.boolean(),
  canUseIA: z.boolean(),
  topups: z.optional(topupsSchema),
});
export type UsageResponse = z.infer<typeof usageResponseSchema>;

export const TOPUP_PACKS = ['small', 'medium', 'large'] as const;
export type TopupPack = (typeof TOPUP_PACKS)[number];

/**
 * The account's usage, in the extension's own words, as stored: checked again on
 * every read, since anything with the profile can write storage.
 */
export const usageSchema = z.object({
  plan: planName,
  compressionsUsed: count,
  compressionsLimit: count,
  creditsUsed: count,
  creditsMonthly: count,
  topupCredits: count,
  remainingCredits: count,
  canCompress: z.boolean(),
  canUseAi: z.boolean(),
  /** Only packs whose checkout link is safe to open; see `checkoutLink`. */
  topups: z
    .object({ small: z.optional(z.string()), medium: z.optional(z.string()), large: z.optional(z.string()) })
    .check(z.overwrite(checkoutLinks)),
});

export type Usage = z.infer<typeof usageSchema>;

/** A usage reading and when it was taken. */
export const snapshotSchema = z.object({ usage: usageSchema, fetchedAt: storedTime });

export type UsageSnapshot = z.infer<typeof snapshotSchema>;

/**
 * A checkout link is opened only when it is https on fluximage.app itself, on the
 * default port and without credentials: the API's values (and whatever sits in
 * storage) are not trusted to point anywhere else. Returns the normalised link.
 */
export function checkoutLink(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return undefined;
  }
  const safe =
    url.protocol === 'https:' && url.hostname === 'fluximage.app' && url.port === '' && !url.username && !url.password;
  return safe ? url.href : undefined;
}

function checkoutLinks(links: Partial<Record<TopupPack, unknown>> | undefined): Partial<Record<TopupPack, string>> {
  const topups: Partial<Record<TopupPack, string>> = {};
  for (const pack of TOPUP_PACKS) {
    const link = checkoutLink(links?.[pack]);
    if (link) topups[pack] = link;
  }
  return topups;
}

/** The answer in the extension's own words; its text was cleaned by the schema. */
export function toUsage(response: UsageResponse): Usage {
  return {
    plan: response.plan,
    compressionsUsed: response.compressor_used,
    compressionsLimit: response.compressor_limit,
    creditsUsed: response.ia_credits_used,
    creditsMonthly: response.ia_credits_monthly,
    topupCredits: response.ia_topup_credits,
    remainingCredits: response.ia_credits_remaining,
    canCompress: response.canCompress,
    canUseAi: response.canUseIA,
    topups: checkoutLinks(response.topups),
  };
}

/** Parses a response body; `null` when it is not the documented shape. */
export function parseUsage(body: unknown): Usage | null {
  const parsed = usageResponseSchema.safeParse(body);
  return parsed.success ? toUsage(parsed.data) : null;
}

export function hasUnlimitedCompressions(usage: Usage): boolean {
  return UNLIMITED_PLANS.has(usage.plan) || usage.compressionsLimit >= UNLIMITED_SENTINEL;
}

/** Credits are whole units; a fractional value is never rounded up. */
export function wholeCredits(value: number): number {
  return Math.max(0, Math.floor(value));
}

/** The last good answer and when it came, checked again on every read. */
export const snapshotItems = defineStoredFamily<UsageSnapshot | null>(accountKey('usageSnapshot'), {
  parse: withSchema(snapshotSchema),
  fallback: null,
  version: 1,
});
/** The first account's (the only one of a single-key install). */
export const snapshotItem = snapshotItems(FIRST_ACCOUNT);
