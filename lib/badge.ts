import { formatBadgeCount, formatClockTime, formatCount } from './format';
import type { Translate } from './i18n';
import { describeFailure, type View, type ViewKind } from './view';

export interface BadgeView {
  text: string;
  color: string;
  title: string;
}

const credits = (view: View) => formatBadgeCount(view.snapshot?.usage.remainingCredits ?? 0);

/** The one table of badge states: what each shows and in which colour. */
export const BADGE_STATES: Record<ViewKind, { color: string; text: (view: View) => string }> = {
  'no-key': { color: '#5f6368', text: () => '?' },
  loading: { color: '#5f6368', text: () => '…' },
  rejected: { color: '#c5221f', text: () => '!' },
  unreachable: { color: '#80868b', text: () => '!' },
  stale: { color: '#80868b', text: credits },
  'access-off': { color: '#80868b', text: (view) => (view.snapshot ? credits(view) : '!') },
  normal: { color: '#1a73e8', text: credits },
  low: { color: '#b05a00', text: credits },
  empty: { color: '#c5221f', text: credits },
};

export function toBadgeView(view: View, t: Translate, locale: string): BadgeView {
  const state = BADGE_STATES[view.kind];
  return { text: state.text(view), color: state.color, title: badgeTitle(view, t, locale) };
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
      t(
        'badgeTitleCredits',
        count(usage.remainingCredits),
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
