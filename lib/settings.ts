import * as z from 'zod/mini';

export interface Settings {
  /** Alert at or below this many credits; `null` means the plan-based default. */
  threshold: number | null;
  notifications: boolean;
}

export const DEFAULT_SETTINGS: Settings = { threshold: null, notifications: true };

export const settingsSchema = z.object({
  threshold: z.nullable(z.number().check(z.int(), z.positive())),
  notifications: z.boolean(),
}) satisfies z.ZodMiniType<Settings>;

export type ThresholdInput = { ok: true; threshold: number | null } | { ok: false };

/** What the options field accepts: empty for the default, or a whole number ≥ 1. */
export function parseThresholdInput(raw: string): ThresholdInput {
  const trimmed = raw.trim().replace(/[\s,.'’_]/g, '');
  if (trimmed === '') return { ok: true, threshold: null };
  if (!/^\d{1,9}$/.test(trimmed)) return { ok: false };
  const threshold = Number(trimmed);
  return threshold >= 1 ? { ok: true, threshold } : { ok: false };
}
