import type { UsageHistory } from '@/lib/history/points';
import { HistoryExport } from './HistoryExport';
import { RenewalDay } from './RenewalDay';

/**
 * An account's renewal day and its history download: loaded after the rows are drawn, with
 * the renewal calendar they need, which the page's first frame does not (and the popup's
 * forecast loads lazily too, so it stays out of the code the two pages share).
 */
export function AccountTools({ account, history, locale }: { account: string; history: UsageHistory; locale: string }) {
  return (
    <>
      <div class="controls">
        <RenewalDay account={account} resets={history.resets} locale={locale} />
      </div>
      <HistoryExport account={account} history={history} locale={locale} />
    </>
  );
}
