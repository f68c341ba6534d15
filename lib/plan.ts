import type { MessageKey, Translate } from './i18n';

const PLAN_NAMES: Record<string, MessageKey> = {
  free: 'planFree',
  starter: 'planStarter',
  pro: 'planPro',
  agency: 'planAgency',
};

/** A known plan by its product name; an unknown one as the API spells it, capitalised. */
export function planLabel(plan: string, t: Translate): string {
  const key = PLAN_NAMES[plan];
  return key ? t(key) : plan.charAt(0).toUpperCase() + plan.slice(1);
}
