import { formatDate } from '../display/format';
import { counted } from '../display/plural';
import type { MessageKey, Translate } from '../platform/i18n';
import type { Allowance, MonthPace } from './plan';

/** "You can spend about 34 AI credits a day until your reset on Dec 22", or the words for an edge. */
export function allowanceLine(allowance: Allowance | null, now: number, locale: string, t: Translate): string | null {
  if (!allowance) return null;
  switch (allowance.kind) {
    case 'nothing-left':
      return t('allowanceNothingLeft', formatDate(allowance.resetAt, now, locale));
    case 'reset-today':
      return counted(t, locale, 'allowanceResetToday', allowance.remaining);
  }
  const date = formatDate(allowance.resetAt, now, locale);
  // Cut, not rounded: spending what it says each day never runs out before the reset.
  const perDay = Math.floor(allowance.perDay);
  if (perDay < 1) return t('allowanceUnderOne', date);
  return counted(t, locale, allowance.spentNothing ? 'allowanceNothingSpent' : 'allowancePerDay', perDay, date);
}

const STANDING: Record<MonthPace['standing'], MessageKey> = {
  faster: 'paceFaster',
  slower: 'paceSlower',
  even: 'paceEven',
};

/** A line of the plan: its words, and for the pace its tone (the line's class: a colour that only repeats the words). */
export interface PlanLine {
  text: string;
  tone?: MonthPace['standing'];
}

/**
 * "62% of this month's AI credits used, 45% of the month gone. Spending faster than an even
 * pace.": ahead of, behind or at an even spend, in words.
 */
export function monthPaceLine(pace: MonthPace | null, locale: string, t: Translate): PlanLine | null {
  if (!pace) return null;
  const percent = (share: number) => new Intl.NumberFormat(locale, { style: 'percent' }).format(share);
  return {
    text: t('paceThisMonth', percent(pace.used), percent(pace.gone), t(STANDING[pace.standing])),
    tone: pace.standing,
  };
}

/** The allowance's line and the pace's, those there are. */
export function planLines(
  allowance: Allowance | null,
  pace: MonthPace | null,
  now: number,
  locale: string,
  t: Translate,
): PlanLine[] {
  const text = allowanceLine(allowance, now, locale, t);
  const month = monthPaceLine(pace, locale, t);
  return [...(text === null ? [] : [{ text }]), ...(month === null ? [] : [month])];
}
