import { formatDate } from '../display/format';
import type { ResetInfo } from './next-reset';
import { atLocalMinutes, DAY } from '../history/calendar';
import { outlookUntilReset, type Forecast } from './forecast';
import type { Translate } from '../platform/i18n';
import { counted } from '../display/plural';
import { dailyAllowance, monthPace, type MonthUse } from './plan';
import { planLines, type PlanLine } from './plan-words';

/** "5 days", "1 day", "5 días". */
export function formatDays(days: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(days);
}

/** "in 6 days", "tomorrow", "mañana". */
export function formatInDays(days: number, locale: string): string {
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(days, 'day');
}

/** "7 PM", "19": an hour of the day in the page's language. */
export function formatHour(at: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric' }).format(at);
}

export type ResetLine = { known: true; text: string } | { known: false; text: string; link: string };

/** Up to this wide (in minutes), a learned time of day is said as "around 7 PM"; a wider one only as "today". */
export const NARROW_RESET_WINDOW = 120;

/** The hour nearest the middle of the reset's time of day, on its day (never the next midnight). */
function resetHour(reset: ResetInfo, from: number, to: number): number {
  return atLocalMinutes(reset.nextAt, Math.min(23, Math.round((from + to) / 2 / 60)) * 60);
}

/**
 * When the monthly credits come back, as sure as the readings make it: "in 21 days
 * (Dec 22)" or "tomorrow (Dec 22)" on other days; on the day itself "today around
 * 7 PM" when the time of day is known within two hours, else "today (Dec 22)"; and
 * "any time now" once that time or day has passed without the counters showing it.
 */
export function resetLine(reset: ResetInfo | null, now: number, locale: string, t: Translate): ResetLine {
  if (!reset) return { known: false, text: t('resetUnknown'), link: t('resetSetInSettings') };
  const on = (days: number) => t('resetIn', formatInDays(days, locale), formatDate(reset.nextAt, now, locale));
  if (reset.daysUntil > 0) return { known: true, text: on(reset.daysUntil) };
  const { from, to } = reset.timeOfDay ?? { from: 0, to: 24 * 60 };
  if (now >= atLocalMinutes(reset.nextAt, to)) return { known: true, text: t('resetAnyTimeNow') };
  if (to - from <= NARROW_RESET_WINDOW) {
    return { known: true, text: t('resetAround', formatHour(resetHour(reset, from, to), locale)) };
  }
  return { known: true, text: on(0) };
}

export interface InsightLines {
  reset: ResetLine;
  /** How long the credits last at this pace; `null` when none are left (the popup says so already). */
  pace: string | null;
  /** Whether that is before or after the next reset; `null` when either is unknown. */
  outlook: { text: string; short: boolean } | null;
  /**
   * What may be spent per day until the reset (none when the reset is not known or is due),
   * then this month's use against an even spend (none in the period's first day, or without
   * the facts), its `tone` the colour that repeats the words.
   */
  plan: PlanLine[];
}

export interface InsightFacts {
  forecast: Forecast;
  reset: ResetInfo | null;
  remaining: number;
  now: number;
  /** When the readings behind the forecast end: the last good check (`now` right after it). */
  asOf: number;
  /** This period's monthly credits at that check, when the stored facts hold them. */
  month?: MonthUse | null;
}

function paceLine(facts: InsightFacts, locale: string, t: Translate): string | null {
  const { forecast, remaining, now, asOf } = facts;
  if (forecast.kind === 'insufficient') return t('forecastAfterADay');
  if (forecast.kind === 'no-spending') {
    return forecast.basisDays >= 6.5
      ? t('forecastNoSpending')
      : t('forecastNoSpendingSince', formatDate(asOf - forecast.basisDays * DAY, now, locale));
  }
  if (remaining <= 0) return null;
  const days = Math.round(forecast.daysLeft);
  if (days < 1) return t('forecastUnderADay');
  if (days > 365) return t('forecastOverAYear');
  return counted(t, locale, 'forecastDaysLeft', days, formatDate(forecast.runOutAt, now, locale));
}

/** The popup's sentences about the next reset and the pace of spending. */
export function insightLines(facts: InsightFacts, locale: string, t: Translate): InsightLines {
  const { forecast, reset, remaining, now, asOf } = facts;
  const month = facts.month ?? null;
  const outlook = remaining > 0 ? outlookUntilReset(forecast, reset?.nextAt ?? null) : null;
  // A reset that is due comes any time now: today is the day it is awaited on.
  const awaited = reset && Math.max(reset.nextAt, now);
  return {
    reset: resetLine(reset, now, locale, t),
    pace: paceLine(facts, locale, t),
    outlook:
      outlook === null
        ? null
        : outlook.kind === 'enough'
          ? { text: t('enoughUntilReset', formatDate(awaited!, now, locale)), short: false }
          : { text: t('runsOutBeforeReset', formatDays(outlook.daysShort, locale)), short: true },
    plan: planLines(
      dailyAllowance({ remaining, reset, month, now }),
      // At the check: the share used and the share of the month gone are of one moment.
      monthPace(month, reset, asOf),
      now,
      locale,
      t,
    ),
  };
}
