import * as z from 'zod/mini';
import { calendarDaysBetween } from './calendar';
import type { InsightsView } from './insights-view';
import { defineStoredValue, withSchema } from './storage';

/** A forecast block the worker computed after a check, and when. */
export interface StoredInsightsView {
  view: InsightsView;
  computedAt: number;
}

const text = z.string();
const storedInsightsViewSchema = z.object({
  view: z.object({
    lines: z.object({
      reset: z.union([
        z.object({ known: z.literal(true), text }),
        z.object({ known: z.literal(false), text, link: text }),
      ]),
      pace: z.nullable(text),
      outlook: z.nullable(z.object({ text, short: z.boolean() })),
    }),
    sparkline: z.object({
      line: text,
      dot: z.nullable(z.object({ x: z.number(), y: z.number() })),
      marks: z.array(z.object({ kind: z.enum(['reset', 'topup']), at: z.number(), x: z.number() })),
      width: z.number(),
      height: z.number(),
      label: text,
    }),
    nextResetAt: z.optional(z.nullable(z.number())),
  }),
  computedAt: z.number(),
}) satisfies z.ZodMiniType<StoredInsightsView>;

export const insightsViewItem = defineStoredValue<StoredInsightsView | null>('insightsView', {
  parse: withSchema(storedInsightsViewSchema),
  fallback: null,
  version: 1,
});

/** The stored block, if it was computed today: its words ("in 6 days", "tomorrow") count from that day. */
export function currentInsightsView(stored: StoredInsightsView | null, now: number): InsightsView | undefined {
  return stored && calendarDaysBetween(stored.computedAt, now) === 0 ? stored.view : undefined;
}
