import type { ResetInfo } from './billing-period';
import { DAY } from './calendar';
import { outlookUntilReset, type Forecast } from './forecast';
import type { Translate } from './i18n';
import { counted } from './plural';

/** "Dec 14", with the year when it is not this year's. */
export function formatDay(at: number, now: number, locale: string): string {
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  return new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    year: sameYear ? undefined : 'numeric',
  }).format(at);
}

/** "5 days", "1 day", "5 días". */
export function formatDays(days: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(days);
}

/** "in 6 days", "tomorrow", "mañana". */
export function formatInDays(days: number, locale: string): string {
  return new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }).format(days, 'day');
}

export type ResetLine = { known: true; text: string } | { known: false; text: string; link: string };

export interface InsightLines {
  reset: ResetLine;
  /** How long the credits last at this pace; `null` when none are left (the popup says so already). */
  pace: string | null;
  /** Whether that is before or after the next reset; `null` when either is unknown. */
  outlook: { text: string; short: boolean } | null;
}

export interface InsightFacts {
  forecast: Forecast;
  reset: ResetInfo | null;
  remaining: number;
  now: number;
  /** When the readings behind the forecast end: the last good check (`now` right after it). */
  asOf: number;
}

function paceLine(facts: InsightFacts, locale: string, t: Translate): string | null {
  const { forecast, remaining, now, asOf } = facts;
  if (forecast.kind === 'insufficient') return t('forecastAfterADay');
  if (forecast.kind === 'no-spending') {
    return forecast.basisDays >= 6.5
      ? t('forecastNoSpending')
      : t('forecastNoSpendingSince', formatDay(asOf - forecast.basisDays * DAY, now, locale));
  }
  if (remaining <= 0) return null;
  const days = Math.round(forecast.daysLeft);
  if (days < 1) return t('forecastUnderADay');
  if (days > 365) return t('forecastOverAYear');
  return counted(t, locale, 'forecastDaysLeft', days, formatDay(forecast.runOutAt, now, locale));
}

/** The popup's sentences about the next reset and the pace of spending. */
export function insightLines(facts: InsightFacts, locale: string, t: Translate): InsightLines {
  const { forecast, reset, remaining, now } = facts;
  const outlook = remaining > 0 ? outlookUntilReset(forecast, reset?.nextAt ?? null) : null;
  return {
    reset: reset
      ? { known: true, text: t('resetIn', formatInDays(reset.daysUntil, locale), formatDay(reset.nextAt, now, locale)) }
      : { known: false, text: t('resetUnknown'), link: t('resetSetInSettings') },
    pace: paceLine(facts, locale, t),
    outlook:
      outlook === null
        ? null
        : outlook.kind === 'enough'
          ? { text: t('enoughUntilReset', formatDay(reset!.nextAt, now, locale)), short: false }
          : { text: t('runsOutBeforeReset', formatDays(outlook.daysShort, locale)), short: true },
  };
}
