import { formatClockTime } from '@/lib/display/format';
import { t } from '@/lib/platform/i18n';
import type { RefreshOffer } from '@/lib/display/popup-actions';

interface RefreshButtonProps {
  offer: RefreshOffer;
  refreshing: boolean;
  now: number;
  locale: string;
  onRefresh: () => void;
}

/** Refresh: held back (with the time it comes back) while a check would be too soon. */
export function RefreshButton({ offer, refreshing, now, locale, onRefresh }: RefreshButtonProps) {
  const { availableAt, failing } = offer;
  const tooSoon = availableAt !== null && availableAt > now;
  return (
    <button
      type="button"
      class="secondary refresh"
      onClick={onRefresh}
      aria-busy={refreshing}
      aria-describedby={failing ? REFRESH_TRIES_ID : undefined}
      disabled={refreshing || tooSoon}
    >
      <RefreshLabel shown={refreshing ? 'busy' : tooSoon ? 'later' : 'now'} at={availableAt ?? now} locale={locale} />
    </button>
  );
}

const REFRESH_TRIES_ID = 'refresh-tries';

/**
 * While updates fail, the line under Refresh: when the extension last tried, and when
 * it tries again by itself. Screen readers hear it with the button (aria-describedby).
 */
export function RefreshTries({ offer, locale }: { offer: RefreshOffer; locale: string }) {
  const { failing } = offer;
  if (!failing) return null;
  const { lastTriedAt, nextTryAt } = failing;
  // Back-off starts at under a minute: seconds tell the two times apart when they share one.
  const sameMinute = nextTryAt !== null && Math.floor(lastTriedAt / 60_000) === Math.floor(nextTryAt / 60_000);
  const time = (at: number) => formatClockTime(at, locale, sameMinute);
  return (
    <p id={REFRESH_TRIES_ID} class="refresh-tries">
      {nextTryAt === null
        ? t('lastTried', time(lastTriedAt))
        : t('lastTriedNextTry', time(lastTriedAt), time(nextTryAt))}
    </p>
  );
}

/**
 * The three labels share one grid cell, so the button keeps the widest one's width
 * and never shifts the footer when its state changes.
 */
function RefreshLabel({ shown, at, locale }: { shown: 'now' | 'busy' | 'later'; at: number; locale: string }) {
  const label = (state: typeof shown, text: string) => (
    <span class={state === shown ? undefined : 'hidden'} aria-hidden={state !== shown}>
      {text}
    </span>
  );
  return (
    <>
      {label('now', t('refresh'))}
      {label('busy', t('refreshing'))}
      {label('later', t('refreshAt', formatClockTime(at, locale, true)))}
    </>
  );
}
