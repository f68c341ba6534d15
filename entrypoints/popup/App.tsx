import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { AccessNotice } from '@/components/AccessNotice';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { Notice } from '@/components/Notice';
import { useStored } from '@/components/use-stored';
import { send } from '@/lib/platform/messages';
import { describeActionError } from '@/components/action-error';
import { earliestUserRefresh } from '@/lib/polling/schedule';
import { popupActions } from '@/lib/display/popup-actions';
import { t } from '@/lib/platform/i18n';
import { DASHBOARD_URL } from '@/lib/account/config';
import { settingsItem } from '@/lib/alerts/settings';
import { pollStatusItem } from '@/lib/polling/status';
import { snapshotItem } from '@/lib/account/usage';
import { apiKeyItem } from '@/lib/account/key';
import { toView, describeFailure } from '@/lib/display/view';
import { planLabel } from '@/lib/account/plan';
import { UsageDetails } from './UsageDetails';
import { ForecastSlot } from './ForecastSlot';
import { RefreshButton, RefreshTries } from './RefreshButton';
import { UpdateKeyButton } from './UpdateKeyButton';
import type { PopupState } from './state';

export function App({ initial }: { initial: PopupState }) {
  const key = useStored(apiKeyItem, initial.key);
  const snapshot = useStored(snapshotItem, initial.snapshot);
  const status = useStored(pollStatusItem, initial.status);
  const settings = useStored(settingsItem, initial.settings);
  const [refreshing, setRefreshing] = useState(false);
  const [refreshError, setRefreshError] = useState<string | null>(null);
  const { locale } = initial;
  const view = toView({ hasKey: key !== null, snapshot, status, settings });
  // A check the user asks for keeps a minimum gap after the last one (and honours Retry-After).
  const now = useClock((at) => earliestUserRefresh(status, at));
  const refreshAt = earliestUserRefresh(status, now);
  const tooSoon = refreshAt !== null && refreshAt > now;
  // Stored times ahead of the clock: it was set back, and the background pulls them back when asked.
  const clockSetBack = status !== null && status.checkedAt > now;
  const actions = popupActions(view, status, now);

  const refresh = async () => {
    setRefreshing(true);
    setRefreshError(null);
    try {
      await send('refresh');
    } catch (error) {
      setRefreshError(t('refreshFailed', describeActionError(error)));
    } finally {
      setRefreshing(false);
    }
  };
  useEffect(() => {
    if (initial.key !== null && (!tooSoon || clockSetBack)) void refresh();
  }, []);

  const openOptions = () => void browser.runtime.openOptionsPage().then(() => window.close());

  if (view.kind === 'no-key') {
    return (
      <section class="empty-state" aria-labelledby="no-key-heading">
        <img src="/icon/48.png" width={48} height={48} alt="" />
        <h1 id="no-key-heading">{t('noKeyHeading')}</h1>
        <p>{t('noKeyBody')}</p>
        <button type="button" class="primary" onClick={openOptions}>
          {t('setApiKey')}
        </button>
      </section>
    );
  }

  return (
    <>
      <header class="brand">
        <img src="/icon/32.png" width={20} height={20} alt="" />
        <h1>FluxImage</h1>
        {view.snapshot && <p class="plan">{t('planName', planLabel(view.snapshot.usage.plan, t))}</p>}
      </header>
      {view.kind === 'rejected' && <Notice tone="error">{t('causeUnauthorized')}</Notice>}
      <AccessNotice initial={initial.status} />
      {view.failure && view.kind !== 'rejected' && view.kind !== 'access-off' && (
        <Notice tone="warning">{describeFailure(view.failure, t, locale)}</Notice>
      )}
      {refreshError && <Notice tone="error">{refreshError}</Notice>}
      {view.snapshot ? (
        <>
          <ErrorBoundary resetKey={view.snapshot}>
            <UsageDetails
              view={view}
              snapshot={view.snapshot}
              locale={locale}
              now={now}
              packsFirst={actions.primary === 'top-up'}
            />
          </ErrorBoundary>
          <ErrorBoundary resetKey={view.snapshot}>
            <ForecastSlot
              readAt={view.snapshot.fetchedAt}
              now={now}
              locale={locale}
              compressionsUsedUp={actions.compressionsUsedUp}
              onOpenSettings={openOptions}
            />
          </ErrorBoundary>
        </>
      ) : (
        view.kind === 'loading' && <p class="loading">{t('loadingCredits')}</p>
      )}
      <footer class="actions">
        {actions.primary === 'update-key' && <UpdateKeyButton />}
        {actions.refresh && (
          <RefreshButton
            offer={actions.refresh}
            refreshing={refreshing}
            now={now}
            locale={locale}
            onRefresh={refresh}
          />
        )}
        <a href={DASHBOARD_URL} target="_blank" rel="noopener noreferrer">
          {t('openDashboard')}
        </a>
        {/* "Update your key" already leads to the settings. */}
        {actions.primary !== 'update-key' && (
          <button type="button" class="link" onClick={openOptions}>
            {t('openSettings')}
          </button>
        )}
      </footer>
      {actions.refresh && <RefreshTries offer={actions.refresh} locale={locale} />}
    </>
  );
}

/**
 * The current time, ticking every 30 s so "updated 3 min ago" stays true while open,
 * and once more at the time `wakeAt` gives for it (when Refresh becomes available again).
 */
function useClock(wakeAt: (now: number) => number | null): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const at = wakeAt(now);
  useEffect(() => {
    if (at === null || at <= Date.now()) return;
    const timer = setTimeout(() => setNow(Date.now()), at - Date.now() + 50);
    return () => clearTimeout(timer);
  }, [at]);
  return now;
}
