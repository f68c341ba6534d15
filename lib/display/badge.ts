import { formatClockTime, formatCount } from './format';
import { badgeNumber, compressionsLeft } from './badge-number';
import { badgeText, monthlyShareLeft } from './badge-text';
import type { Translate } from '../platform/i18n';
import { counted } from './plural';
import { DEFAULT_INSIGHT_SETTINGS, type InsightSettings } from '../foresight/settings';
import type { Usage } from '../account/usage';
import { describeFailure, type View, type ViewKind } from './view';

export interface BadgeView {
  text: string;
  color: string;
  title: string;
}

/** The number as the badge writes it (lib/display/badge-text.ts: credits, compressions, days, a percent, or none). */
const credits = (_: View, shown: string) => shown;

/** The one table of badge states: what each shows and in which colour. */
export const BADGE_STATES: Record<ViewKind, { color: string; text: (view: View, shown: string) => string }> = {
  'no-key': { color: '#5f6368', text: () => '?' },
  loading: { color: '#5f6368', text: () => '…' },
  rejected: { color: '#c5221f', text: () => '!' },
  unreachable: { color: '#80868b', text: () => '!' },
  stale: { color: '#80868b', text: credits },
  'access-off': { color: '#80868b', text: (view, count) => (view.snapshot ? credits(view, count) : '!') },
  normal: { color: '#1a73e8', text: credits },
  low: { color: '#b05a00', text: credits },
  empty: { color: '#c5221f', text: credits },
};

/**
 * The badge for one account's view. `daysLeft` is how long its credits last at the pace of the
 * stored forecast, counted at drawing (`null` without a pace): the `days` mode shows it.
 */
export function toBadgeView(
  view: View,
  t: Translate,
  locale: string,
  insightSettings: InsightSettings = DEFAULT_INSIGHT_SETTINGS,
  daysLeft: number | null = null,
): BadgeView {
  const usage = view.snapshot?.usage;
  const number = usage && view.threshold !== null ? badgeNumber(insightSettings, usage, view.threshold) : null;
  // Blue, amber and red follow the number the badge counts, against that number's own thresholds.
  const kind = number && view.kind === view.level ? number.level : view.kind;
  const state = BADGE_STATES[kind];
  const shown = usage && number ? badgeText(insightSettings, usage, number, daysLeft, t('badgeDayUnit')) : '';
  const first = usage && number && modeLine(insightSettings, usage, number.counts, daysLeft, t, locale);
  const title = badgeTitle(view, t, locale);
  return { text: state.text(view, shown), color: state.color, title: first ? `${first}\n${title}` : title };
}

/** The tooltip's first line when the badge shows something other than the credits left. */
function modeLine(
  settings: InsightSettings,
  usage: Usage,
  counts: 'credits' | 'compressions',
  daysLeft: number | null,
  t: Translate,
  locale: string,
): string | null {
  if (counts === 'compressions') return compressionsLine(usage, t, locale);
  if (settings.badge === 'days' && daysLeft !== null) return counted(t, locale, 'badgeTitleDays', daysLeft);
  const share = settings.badge === 'percent' ? monthlyShareLeft(usage) : null;
  if (share === null) return null;
  return t('badgeTitlePercent', new Intl.NumberFormat(locale, { style: 'percent' }).format(share / 100));
}

function compressionsLine(usage: Usage, t: Translate, locale: string): string {
  const count = (n: number) => formatCount(n, locale);
  return counted(
    t,
    locale,
    'badgeTitleCompressions',
    compressionsLeft(usage),
    count(usage.compressionsUsed),
    count(usage.compressionsLimit),
  );
}

function badgeTitle(view: View, t: Translate, locale: string): string {
  switch (view.kind) {
    case 'no-key':
      return t('badgeTitleNoKey');
    case 'loading':
      return t('badgeTitleLoading');
    case 'rejected':
      return t('causeUnauthorized');
  }
  const lines: string[] = [];
  if (view.snapshot) {
    const { usage, fetchedAt } = view.snapshot;
    const count = (n: number) => formatCount(n, locale);
    lines.push(
      counted(
        t,
        locale,
        'badgeTitleCredits',
        usage.remainingCredits,
        count(usage.creditsUsed),
        count(usage.creditsMonthly),
        count(usage.topupCredits),
        formatClockTime(fetchedAt, locale),
      ),
    );
  }
  if (view.level === 'low' && view.threshold !== null) lines.push(t('levelLow', formatCount(view.threshold, locale)));
  if (view.level === 'empty') lines.push(t('levelEmpty'));
  if (view.kind === 'access-off') lines.push(describeFailure(view.failure!, t, locale));
  else if (view.failure) {
    lines.push(
      t('badgeTitleStale', formatClockTime(view.failure.since, locale), describeFailure(view.failure, t, locale)),
    );
  }
  return lines.join('\n');
}
