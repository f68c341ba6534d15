import { formatCount, formatDate } from '../display/format';
import { counted } from '../display/plural';
import type { Translate } from '../platform/i18n';
import type { CreditsChart } from './chart';
import type { DaySpend } from './daily-spend';

const dateList = (dates: string[], locale: string) =>
  new Intl.ListFormat(locale, { type: 'conjunction' }).format(new Set(dates));

/** The credits chart in words, its accessible name: the span's first and last count, its resets and top-ups. */
export function creditsChartLabel(
  chart: CreditsChart,
  days: number,
  now: number,
  locale: string,
  t: Translate,
): string {
  if (!chart.span) return counted(t, locale, 'usageCreditsNone', days);
  const dates = (kind: 'reset' | 'topup') =>
    chart.marks.filter((mark) => mark.kind === kind).map((mark) => formatDate(mark.at, now, locale));
  const { first, last } = chart.span;
  const parts = [counted(t, locale, 'usageCreditsChart', days, formatCount(first, locale), formatCount(last, locale))];
  const resets = dates('reset');
  const topups = dates('topup');
  if (resets.length > 0) parts.push(t('sparklineResets', dateList(resets, locale)));
  if (topups.length > 0) parts.push(counted(t, locale, 'sparklineTopups', topups.length, dateList(topups, locale)));
  return parts.join(', ');
}

/** The bar chart in words, its accessible name: the total and the day with the most spent. */
export function spendChartLabel(days: readonly DaySpend[], now: number, locale: string, t: Translate): string {
  const total = days.reduce((sum, day) => sum + day.spent, 0);
  if (total <= 0) return counted(t, locale, 'usageSpendNone', days.length);
  const most = days.reduce((a, b) => (b.spent > a.spent ? b : a));
  return counted(
    t,
    locale,
    'usageSpendChart',
    days.length,
    formatCount(total, locale),
    formatDate(most.start, now, locale),
    formatCount(most.spent, locale),
  );
}
