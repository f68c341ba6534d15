import { openUsagePage } from '@/lib/platform/pages';
import { t } from '@/lib/platform/i18n';

/** "Usage history" under the 30-day line: the account's usage page in a new tab, and the popup closes. */
export function UsageLink({ account }: { account: string }) {
  return (
    <button type="button" class="link" onClick={() => void openUsagePage(account, { closeWindow: true })}>
      {t('usageTitle')}
    </button>
  );
}
