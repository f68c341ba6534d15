import { formatBadgeCount, formatClockTime, formatCount } from './format';
import { badgeNumber, compressionsLeft } from './badge-number';
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

/** The number the badge counts (AI credits, or compressions if the user chose them). */
const credits = (_: View, count: number) => formatBadgeCount(count);

/** The one table of badge states: what each shows and in which colour. */
export const BADGE_STATES: Record<ViewKind, { color: string; text: (view: View, count: number) => string }> = {
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

export function toBadgeView(
  view: View,
  t: Translate,
  locale: string,
  insightSettings: InsightSettings = DEFAULT_INSIGHT_SETTINGS,
): BadgeView {
  const number =
    view.snapshot && view.threshold !== null ? badgeNumber(insightSettings, view.snapshot.usage, view.threshold) : null;
  // Blue, amber and red follow the number the badge shows, against that number's own thresholds.
  const kind = number && view.kind === view.level ? number.level : view.kind;
  const state = BADGE_STATES[kind];
  const title = badgeTitle(view, t, locale);
  return {
    text: state.text(view, number?.value ?? 0),
    color: state.color,
    title: number?.counts === 'compressions' ? `${compressionsLine(view.snapshot!.usage, t, locale)}\n${title}` : title,
  };
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
