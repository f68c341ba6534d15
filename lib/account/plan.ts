import type { MessageKey, Translate } from '../platform/i18n';

const PLAN_NAMES = new Map<string, MessageKey>([
  ['free', 'planFree'],
  ['starter', 'planStarter'],
  ['pro', 'planPro'],
  ['agency', 'planAgency'],
]);

/** Longer plan names are cut, so a hostile answer cannot stretch the popup. */
export const PLAN_LABEL_MAX = 40;

/**
 * A known plan by its product name; an unknown one as the API spells it, capitalised
 * and cut to `PLAN_LABEL_MAX` characters. A Map, not an object: a plan called
 * "constructor" or "__proto__" must not find Object.prototype's members.
 */
export function planLabel(plan: string, t: Translate): string {
  const key = PLAN_NAMES.get(plan);
  if (key) return t(key);
  const characters = Array.from(plan);
  const label = characters.length > PLAN_LABEL_MAX ? `${characters.slice(0, PLAN_LABEL_MAX - 1).join('')}…` : plan;
  return label.charAt(0).toUpperCase() + label.slice(1);
}
