import type { Translate } from '../platform/i18n';
import type { InsightSettings } from '../foresight/settings';
import { BADGE_STATES, toBadgeView, type BadgeView } from './badge';
import { formatClockTime } from './format';
import { counted } from './plural';
import { badgeAccount, type NamedView } from './badge-account';
import type { View } from './view';

export type { NamedView } from './badge-account';

const NO_KEY: View = { kind: 'no-key', snapshot: null, failure: null, level: null, threshold: null };

/** One account's line in the tooltip: "Client B: 90 AI credits left (low)". */
export function accountLine({ name, view }: NamedView, t: Translate, locale: string): string {
  switch (view.kind) {
    case 'no-key':
    case 'loading':
      return t('badgeAccountLoading', name);
    case 'rejected':
      return t('badgeAccountRejected', name);
    case 'unreachable':
      return t('badgeAccountUnreachable', name);
  }
  if (!view.snapshot) return t('badgeAccountAccessOff', name);
  const line = counted(t, locale, 'badgeAccountCredits', view.snapshot.usage.remainingCredits, name);
  if (view.kind === 'access-off') return t('badgeAccountAccessOffAfter', line);
  if (view.failure) return t('badgeAccountStale', line, formatClockTime(view.failure.since, locale));
  if (view.level === 'empty') return t('badgeAccountEmpty', line);
  if (view.level === 'low') return t('badgeAccountLow', line);
  return line;
}

/**
 * The badge over every account. One account: exactly its own badge. Several: the number and
 * colour of the account `badgeAccount` picks, the `!` red whenever any key is rejected (so a
 * broken account is never hidden behind a healthy one), and a tooltip line per account.
 */
export function accountsBadge(
  accounts: readonly NamedView[],
  t: Translate,
  locale: string,
  insightSettings: InsightSettings,
): BadgeView {
  const shown = badgeAccount(accounts, insightSettings.badgeAccount);
  const badge = toBadgeView(shown?.view ?? NO_KEY, t, locale, insightSettings, shown?.daysLeft ?? null);
  if (accounts.length < 2 || !shown) return badge;
  const rejected = accounts.some(({ view }) => view.kind === 'rejected');
  return {
    text: badge.text,
    color: rejected ? BADGE_STATES.rejected.color : badge.color,
    title: [t('badgeAccountShown', shown.name), ...accounts.map((account) => accountLine(account, t, locale))].join(
      '\n',
    ),
  };
}
