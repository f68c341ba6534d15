import type { ComponentChildren } from 'preact';
import { browser } from 'wxt/browser';
import { AccessNotice } from '@/components/AccessNotice';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { Notice } from '@/components/Notice';
import { accountHash } from '@/lib/account/options-hash';
import { planLabel } from '@/lib/account/plan';
import { popupActions, type PopupActions } from '@/lib/display/popup-actions';
import { describeFailure, type View } from '@/lib/display/view';
import { t } from '@/lib/platform/i18n';
import { earliestUserRefresh } from '@/lib/polling/schedule';
import type { AccountState } from './account-states';
import { Footer } from './Footer';
import { ForecastSlot } from './ForecastSlot';
import { NoKey } from './NoKey';
import { useClock, useRefresh } from './hooks';
import { UsageDetails } from './UsageDetails';

export const openOptions = () => void browser.runtime.openOptionsPage().then(() => window.close());

interface AccountDetailsProps {
  state: AccountState;
  locale: string;
  /** Wraps the account's notices, numbers and actions (the tab panel, with several accounts). */
  wrap?: (details: ComponentChildren) => ComponentChildren;
}

/**
 * One account in full: its notices, numbers, forecast and actions, refreshed in the
 * background when shown. Alone, it is the whole popup, under the brand.
 */
export function AccountDetails({ state, locale, wrap }: AccountDetailsProps) {
  const { id, key, status, view } = state;
  // A check the user asks for keeps a minimum gap after the last one (and honours Retry-After).
  const now = useClock((at) => earliestUserRefresh(status, at));
  const refresh = useRefresh({ account: id, key, status, now });
  if (view.kind === 'no-key') return <NoKey onOpenOptions={openOptions} />;
  const actions = popupActions(view, status, now);
  const details = (
    <>
      <Notices view={view} account={id} locale={locale} refreshError={refresh.error} />
      <Body view={view} account={id} actions={actions} now={now} locale={locale} />
      <Footer
        actions={actions}
        refresh={refresh}
        now={now}
        locale={locale}
        onOpenOptions={openOptions}
        updateKeyHash={accountHash(id, { replace: true })}
      />
    </>
  );
  if (wrap) return <>{wrap(details)}</>;
  return (
    <>
      <Brand view={view} />
      {details}
    </>
  );
}

/** The popup's title, and the plan of the account shown. */
export function Brand({ view }: { view: View }) {
  return (
    <header class="brand">
      <img src="/icon/32.png" width={20} height={20} alt="" />
      <h1>FluxImage</h1>
      {view.snapshot && <p class="plan">{t('planName', planLabel(view.snapshot.usage.plan, t))}</p>}
    </header>
  );
}

interface NoticesProps {
  view: View;
  account: string;
  locale: string;
  refreshError: string | null;
}

function Notices({ view, account, locale, refreshError }: NoticesProps) {
  return (
    <>
      {view.kind === 'rejected' && <Notice tone="error">{t('causeUnauthorized')}</Notice>}
      <AccessNotice account={account} />
      {view.failure && view.kind !== 'rejected' && view.kind !== 'access-off' && (
        <Notice tone="warning">{describeFailure(view.failure, t, locale)}</Notice>
      )}
      {refreshError && <Notice tone="error">{refreshError}</Notice>}
    </>
  );
}

interface BodyProps {
  view: View;
  account: string;
  actions: PopupActions;
  now: number;
  locale: string;
}

/** The numbers, then the forecast block (its code comes after the numbers are painted). */
function Body({ view, account, actions, now, locale }: BodyProps) {
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
          account={account}
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
