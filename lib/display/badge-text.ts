import type { Usage } from '../account/usage';
import type { InsightSettings } from '../foresight/settings';
import type { BadgeNumber } from './badge-number';
import { formatBadgeCount } from './format';

/** From this many days on the badge says only "more than 99 days": four characters hold no more. */
export const BADGE_DAYS_CAP = 100;

/**
 * Days left at this pace, cut to whole days (never more than there are): "0d", "9d", "99d",
 * ">99d". `unit` is the language's one-letter day (`badgeDayUnit`: "d", "T", "j", "日").
 */
export function formatBadgeDays(daysLeft: number, unit = 'd'): string {
  const days = Number.isFinite(daysLeft) ? Math.max(0, Math.floor(daysLeft)) : BADGE_DAYS_CAP;
  return days >= BADGE_DAYS_CAP ? `>${BADGE_DAYS_CAP - 1}${unit}` : `${days}${unit}`;
}

/** The share of this month's AI credits left, cut to a whole percent; `null` without a monthly allocation. */
export function monthlyShareLeft(usage: Usage): number | null {
  if (!(usage.creditsMonthly > 0)) return null;
  const left = Math.max(0, usage.creditsMonthly - Math.max(0, usage.creditsUsed));
  return Math.min(100, Math.floor((left / usage.creditsMonthly) * 100));
}

/**
 * What the badge writes for a number state, in at most four characters. `days` without a pace
 * to count from (too few readings, nothing spent) and `percent` without a monthly allocation
 * fall back to the credits left. `none` writes a single space: an empty text would hide the
 * badge and its colour with it, and the colour still tells how the credits stand.
 */
export function badgeText(
  settings: InsightSettings,
  usage: Usage,
  number: BadgeNumber,
  daysLeft: number | null,
  dayUnit = 'd',
): string {
  if (settings.badge === 'none') return ' ';
  if (settings.badge === 'days' && daysLeft !== null) return formatBadgeDays(daysLeft, dayUnit);
  const share = settings.badge === 'percent' ? monthlyShareLeft(usage) : null;
  if (share !== null) return `${share}%`;
  return formatBadgeCount(number.value);
}
