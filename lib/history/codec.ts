import * as z from 'zod/mini';
import type { HistoryPoint, ResetWindow, UsageHistory } from './points';

/**
 * The stored form of the history: one array per field, each holding its first
 * value and then the change from the point before. Polls 15 minutes apart with
 * small changes cost a few bytes each, so a year of history stays far below 64 kB.
 */
export interface StoredHistory {
  at: number[];
  remaining: number[];
  used: number[];
  monthly: number[];
  topup: number[];
  compressionsUsed: number[];
  compressionsLimit: number[];
  /** Observed resets as windows of plain times (there are only a few). */
  resets: ResetWindow[];
}

const FIELDS = ['at', 'remaining', 'used', 'monthly', 'topup', 'compressionsUsed', 'compressionsLimit'] as const;

const column = z.array(z.int());
const time = z.int().check(z.nonnegative());
export const storedHistorySchema = z.object({
  at: column,
  remaining: column,
  used: column,
  monthly: column,
  topup: column,
  compressionsUsed: column,
  compressionsLimit: column,
  resets: z.array(z.object({ before: z.nullable(time), after: time })),
}) satisfies z.ZodMiniType<StoredHistory>;

function deltas(values: number[]): number[] {
  return values.map((value, index) => (index === 0 ? value : value - values[index - 1]!));
}

function sums(changes: number[]): number[] {
  let total = 0;
  return changes.map((change) => (total += change));
}

export function encodeHistory(history: UsageHistory): StoredHistory {
  const columns = Object.fromEntries(
    FIELDS.map((field) => [field, deltas(history.points.map((point) => point[field]))]),
  ) as Record<(typeof FIELDS)[number], number[]>;
  return { ...columns, resets: history.resets.map(({ before, after }) => ({ before, after })) };
}

/** The history, or `null` when the stored value is not one (corrupt, foreign or inconsistent). */
export function decodeHistory(value: unknown): UsageHistory | null {
  const parsed = storedHistorySchema.safeParse(value);
  if (!parsed.success) return null;
  const columns = FIELDS.map((field) => sums(parsed.data[field]));
  const length = columns[0]!.length;
  if (columns.some((values) => values.length !== length || values.some((v) => v < 0))) return null;
  const points = Array.from({ length }, (_, index) => {
    const point = {} as HistoryPoint;
    FIELDS.forEach((field, f) => (point[field] = columns[f]![index]!));
    return point;
  });
  if (points.some((point, index) => index > 0 && point.at <= points[index - 1]!.at)) return null;
  const { resets } = parsed.data;
  const misplaced = (reset: ResetWindow, index: number) =>
    (reset.before !== null && reset.before >= reset.after) || (index > 0 && reset.after <= resets[index - 1]!.after);
  if (resets.some(misplaced)) return null;
  return { points, resets };
}
