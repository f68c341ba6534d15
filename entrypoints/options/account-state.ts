import { formatClockTime } from '@/lib/display/format';
import { describeFailure, type View } from '@/lib/display/view';
import { t } from '@/lib/platform/i18n';

/** An account's state in words, for its row: connected, not updated since …, key rejected, access off, checking. */
export function describeAccountState(view: View, locale: string): { text: string; problem: boolean } {
  const { failure } = view;
  switch (view.kind) {
    case 'rejected':
      return { text: t('savedKeyRejected'), problem: true };
    case 'access-off':
      // The page's access notice names the site once and offers Allow access; the row only says what it means here.
      return { text: t('accountStateAccessOff'), problem: false };
    case 'stale':
      return failure
        ? {
            text: t('accountStateStale', formatClockTime(failure.since, locale), describeFailure(failure, t, locale)),
            problem: true,
          }
        : { text: t('accountStateChecking'), problem: false };
    case 'unreachable':
      return failure ? { text: describeFailure(failure, t, locale), problem: true } : { text: '', problem: false };
    case 'no-key':
    case 'loading':
      return { text: t('accountStateChecking'), problem: false };
    case 'low':
      return { text: t('accountStateLow'), problem: false };
    case 'empty':
      return { text: t('accountStateEmpty'), problem: false };
    default:
      return { text: t('accountStateConnected'), problem: false };
  }
}
