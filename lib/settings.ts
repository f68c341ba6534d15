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
