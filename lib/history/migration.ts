import * as z from 'zod/mini';

/** What version 1 of the stored history held that the step below reads: `at` as changes, `resets` as plain times. */
const version1 = z.object({ at: z.array(z.int()), resets: z.array(z.int()) });

/**
 * Version 1 → 2: each reset, stored as the time it was first seen, becomes a window.
 * Its start is the last reading kept before that time (the counters had not reset
 * yet then); thinning kept fewer readings than were taken, so the window can be
 * wider than the one that was observed, never narrower. With no reading kept
 * before it, the start is unknown.
 */
export function historyFromVersion1(old: unknown): unknown {
  const parsed = version1.safeParse(old);
  if (!parsed.success) return old;
  let total = 0;
  const times = parsed.data.at.map((change) => (total += change));
  const resets = parsed.data.resets.map((after) => ({ before: times.findLast((at) => at < after) ?? null, after }));
  return { ...(old as object), resets };
}
