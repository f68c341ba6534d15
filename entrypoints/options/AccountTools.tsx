import { accountHash } from '@/lib/account/options-hash';
import { FIRST_ACCOUNT } from '@/lib/account/account-id';
import { formatDate } from '@/lib/display/format';
import { counted } from '@/lib/display/plural';
import type { UsageHistory } from '@/lib/history/points';
import { t } from '@/lib/platform/i18n';
import { RenewalDay } from './RenewalDay';

/**
 * An account's renewal day and the way to its usage page (charts, billing periods, the CSV
 * download): loaded after the rows are drawn, with the renewal calendar they need, which the
 * page's first frame does not (and the popup's forecast loads lazily too, so it stays out of
 * the code the two pages share).
 */
export function AccountTools(props: { account: string; name: string; history: UsageHistory; locale: string }) {
  const { account, name, history, locale } = props;
  const helpId = account === FIRST_ACCOUNT ? 'history-help' : `history-help-${account}`;
  const first = history.points[0];
  return (
    <>
      <div class="controls">
        <RenewalDay account={account} resets={history.resets} locale={locale} />
      </div>
      <div class="row">
        <a class="button" href={`/usage.html${accountHash(account, { replace: false })}`} aria-describedby={helpId}>
          {t('usageOpenFor', name)}
        </a>
      </div>
      <p id={helpId} class="help">
        {first
          ? counted(t, locale, 'historyKept', history.points.length, formatDate(first.at, Date.now(), locale))
          : t('historyEmpty')}
      </p>
    </>
  );
}
