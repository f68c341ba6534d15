import { browser } from 'wxt/browser';
import { AccessNotice } from '@/components/AccessNotice';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { Notice } from '@/components/Notice';
import { useStored } from '@/components/use-stored';
import { apiKeyItem } from '@/lib/account/key';
import { planLabel } from '@/lib/account/plan';
import { snapshotItem } from '@/lib/account/usage';
import { DEFAULT_SETTINGS, settingsItem } from '@/lib/alerts/settings';
import { popupActions, type PopupActions } from '@/lib/display/popup-actions';
import { describeFailure, toView, type View } from '@/lib/display/view';
import { t } from '@/lib/platform/i18n';
import { earliestUserRefresh } from '@/lib/polling/schedule';
import { pollStatusItem } from '@/lib/polling/status';
import { Footer } from './Footer';
import { ForecastSlot } from './ForecastSlot';
import { NoKey } from './NoKey';
import { useClock, useRefresh } from './hooks';
import { UsageDetails } from './UsageDetails';

const openOptions = () => void browser.runtime.openOptionsPage().then(() => window.close());

/** The popup: the account's numbers from storage at once, refreshed in the background when opened. */
export function App({ locale }: { locale: string }) {
  const key = useStored(apiKeyItem, null);
  const snapshot = useStored(snapshotItem, null);
  const status = useStored(pollStatusItem, null);
  const settings = useStored(settingsItem, DEFAULT_SETTINGS);
  const view = toView({ hasKey: key !== null, snapshot, status, settings });
  // A check the user asks for keeps a minimum gap after the last one (and honours Retry-After).
  const now = useClock((at) => earliestUserRefresh(status, at));
  const refresh = useRefresh({ key, status, now });
  if (view.kind === 'no-key') return <NoKey onOpenOptions={openOptions} />;
  const actions = popupActions(view, status, now);
  return (
    <>
      <Header view={view} locale={locale} refreshError={refresh.error} />
      <Body view={view} actions={actions} now={now} locale={locale} />
      <Footer actions={actions} refresh={refresh} now={now} locale={locale} onOpenOptions={openOptions} />
    </>
  );
}

function Header({ view, locale, refreshError }: { view: View; locale: string; refreshError: string | null }) {
  return (
    <>
      <header class="brand">
        <img src="/icon/32.png" width={20} height={20} alt="" />
        <h1>FluxImage</h1>
        {view.snapshot && <p class="plan">{t('planName', planLabel(view.snapshot.usage.plan, t))}</p>}
      </header>
      {view.kind === 'rejected' && <Notice tone="error">{t('causeUnauthorized')}</Notice>}
      <AccessNotice />
      {view.failure && view.kind !== 'rejected' && view.kind !== 'access-off' && (
        <Notice tone="warning">{describeFailure(view.failure, t, locale)}</Notice>
      )}
      {refreshError && <Notice tone="error">{refreshError}</Notice>}
    </>
  );
}

interface BodyProps {
  view: View;
  actions: PopupActions;
  now: number;
  locale: string;
}

/** The numbers, then the forecast block (its code comes after the numbers are painted). */
function Body({ view, actions, now, locale }: BodyProps) {
  if (!view.snapshot) return view.kind === 'loading' ? <p class="loading">{t('loadingCredits')}</p> : null;
  return (
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
  );
}
