import * as z from 'zod/mini';

/** The compression cap the API reports for "unlimited" plans (documented as e.g. 99999). */
export const UNLIMITED_SENTINEL = 99_999;
const UNLIMITED_PLANS = new Set(['pro', 'agency']);

const count = z.number().check(z.nonnegative());

const topupValue = z.optional(z.unknown());

/**
 * GET /api/usage, as FluxImage publishes it. Unknown extra fields are ignored
 * and an unknown plan name is kept for display: the API may grow.
 */
export const usageResponseSchema = z.object({
  plan: z.string().check(z.minLength(1)),
  compressor_used: count,
  compressor_limit: count,
  ia_credits_used: count,
  ia_credits_monthly: count,
  ia_topup_credits: count,
  ia_credits_remaining: count,
  canCompress: z.boolean(),
  canUseIA: z.boolean(),
  topups: z.optional(z.object({ small: topupValue, medium: topupValue, large: topupValue })),
});
export type UsageResponse = z.infer<typeof usageResponseSchema>;

export const TOPUP_PACKS = ['small', 'medium', 'large'] as const;
export type TopupPack = (typeof TOPUP_PACKS)[number];

/** The account's usage, in the extension's own words. */
export interface Usage {
  plan: string;
  compressionsUsed: number;
  compressionsLimit: number;
  creditsUsed: number;
  creditsMonthly: number;
  topupCredits: number;
  remainingCredits: number;
  canCompress: boolean;
  canUseAi: boolean;
  /** Only packs whose checkout link is safe to open; see `isFluxImageUrl`. */
  topups: Partial<Record<TopupPack, string>>;
}

export const usageSchema = z.object({
  plan: z.string(),
  compressionsUsed: count,
  compressionsLimit: count,
  creditsUsed: count,
  creditsMonthly: count,
  topupCredits: count,
  remainingCredits: count,
  canCompress: z.boolean(),
  canUseAi: z.boolean(),
  topups: z.object({ small: z.optional(z.string()), medium: z.optional(z.string()), large: z.optional(z.string()) }),
}) satisfies z.ZodMiniType<Usage>;

/** A usage reading and when it was taken. */
export interface UsageSnapshot {
  usage: Usage;
  fetchedAt: number;
}

export const snapshotSchema = z.object({ usage: usageSchema, fetchedAt: count });

/**
 * Checkout and dashboard links are opened only when they are https URLs on
 * fluximage.app itself: the API's values are not trusted to point anywhere else.
 */
export function isFluxImageUrl(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname === 'fluximage.app' && !url.username && !url.password;
  } catch {
    return false;
  }
}

export function toUsage(response: UsageResponse): Usage {
  const topups: Usage['topups'] = {};
  for (const pack of TOPUP_PACKS) {
    const link = response.topups?.[pack];
    if (isFluxImageUrl(link)) topups[pack] = link;
  }
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
    topups,
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
