import * as z from 'zod/mini';
import { defineStoredValue, withSchema } from '../platform/storage';

export const settingsSchema = z.object({
  /** Alert at or below this many credits; `null` means the plan-based default. */
  threshold: z.nullable(z.number().check(z.refine(Number.isInteger), z.positive())),
  notifications: z.boolean(),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = { threshold: null, notifications: true };

export const settingsItem = defineStoredValue<Settings>('settings', {
  parse: withSchema(settingsSchema),
  fallback: DEFAULT_SETTINGS,
  version: 1,
});
