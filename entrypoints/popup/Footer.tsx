import { DASHBOARD_URL } from '@/lib/account/config';
import type { PopupActions } from '@/lib/display/popup-actions';
import { t } from '@/lib/platform/i18n';
import type { Refresh } from './hooks';
import { RefreshButton, RefreshTries } from './RefreshButton';
import { UpdateKeyButton } from './UpdateKeyButton';

interface FooterProps {
  actions: PopupActions;
  refresh: Refresh;
  now: number;
  locale: string;
  onOpenOptions: () => void;
  /** What the options page is opened with to update this account's key. */
  updateKeyHash: string;
}

/** The popup's actions: its main one for the state (update the key, or refresh), the dashboard, the settings. */
export function Footer({ actions, refresh, now, locale, onOpenOptions, updateKeyHash }: FooterProps) {
  return (
    <>
      <footer class="actions">
        {actions.primary === 'update-key' && <UpdateKeyButton hash={updateKeyHash} />}
        {actions.refresh && (
          <RefreshButton
            offer={actions.refresh}
            refreshing={refresh.running}
            now={now}
            locale={locale}
            onRefresh={refresh.run}
          />
        )}
        <a href={DASHBOARD_URL} target="_blank" rel="noopener noreferrer">
          {t('openDashboard')}
        </a>
        {/* "Update your key" already leads to the settings. */}
        {actions.primary !== 'update-key' && (
          <button type="button" class="link" onClick={onOpenOptions}>
            {t('openSettings')}
          </button>
        )}
      </footer>
      {actions.refresh && <RefreshTries offer={actions.refresh} locale={locale} />}
    </>
  );
}
