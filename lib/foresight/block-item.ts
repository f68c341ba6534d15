import { FIRST_ACCOUNT, accountKey } from '../account/account-id';
import * as z from 'zod/mini';
import type { InsightsView } from './block';
import { storedTime, wholeCount } from '../account/numbers';
import { defineStoredFamily, withSchema } from '../platform/storage';

/** The forecast block's facts the worker computed after a check, and when. */
export interface StoredInsightsView {
  view: InsightsView;
  computedAt: number;
}

const days = z.number().check(z.gte(0));
const forecastSchema = z.union([
  z.object({ kind: z.literal('insufficient') }),
  z.object({ kind: z.literal('no-spending'), basisDays: days }),
  z.object({ kind: z.literal('pace'), perDay: days, daysLeft: days, runOutAt: storedTime, basisDays: days }),
]);

const storedInsightsViewSchema = z.object({
  view: z.object({
    forecast: forecastSchema,
    renewal: z.object({
      userDay: z.nullable(z.int().check(z.gte(1), z.lte(31))),
      resets: z.array(z.object({ before: z.nullable(storedTime), after: storedTime })),
      firstReadingAt: z.nullable(storedTime),
      lastReadingAt: z.nullable(storedTime),
    }),
    remaining: wholeCount,
    sparkline: z.object({
      line: z.string(),
      dot: z.nullable(z.object({ x: z.number(), y: z.number() })),
      marks: z.array(z.object({ kind: z.enum(['reset', 'topup']), at: storedTime, x: z.number() })),
      width: z.number(),
      height: z.number(),
      span: z.nullable(z.object({ first: wholeCount, last: wholeCount })),
    }),
    // Added without a new version: a block stored before it reads as it was, without a pace line.
    month: z.optional(z.object({ used: wholeCount, monthly: wholeCount })),
  }),
  computedAt: storedTime,
}) satisfies z.ZodMiniType<StoredInsightsView>;

export const insightsViewItems = defineStoredFamily<StoredInsightsView | null>(accountKey('insightsView'), {
  parse: withSchema(storedInsightsViewSchema),
  fallback: null,
  version: 2,
  migrations: {
    // Version 1 stored the block's sentences, in the language of the moment: they cannot be
    // turned back into facts. Dropped; the next check stores the facts.
    2: () => undefined,
  },
});
/** The first account's (the only one of a single-key install). */
export const insightsViewItem = insightsViewItems(FIRST_ACCOUNT);
