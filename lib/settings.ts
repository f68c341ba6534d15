import * as z from 'zod/mini';

export interface Settings {
  /** Alert at or below this many credits; `null` means the plan-based default. */
  threshold: number | null;
  notifications: boolean;
}

export const DEFAULT_SETTINGS: Settings = { threshold: null, notifications: true };

export const settingsSchema = z.object({
  threshold: z.nullable(z.number().check(z.refine(Number.isInteger), z.positive())),
  notifications: z.boolean(),
}) satisfies z.ZodMiniType<Settings>;

export type ThresholdInput = { ok: true; threshold: number | null } | { ok: false };

/** What the options field accepts: empty for the default, or a whole number ≥ 1. */
export function parseThresholdInput(raw: string): ThresholdInput {
  const trimmed = raw.trim();
  if (trimmed === '') return { ok: true, threshold: null };
  // Plain digits, or digits in groups of three with any common thousands separator.
  if (!/^(\d{1,9}|\d{1,3}([,.\s'’_\u00a0\u202f]\d{3}){1,2})$/.test(trimmed)) return { ok: false };
  const threshold = Number(trimmed.replace(/\D/g, ''));
  return threshold >= 1 ? { ok: true, threshold } : { ok: false };
}
