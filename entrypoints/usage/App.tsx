import { useEffect, useState } from 'preact/hooks';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { useStored, useStoredEach } from '@/components/use-stored';
import { accountName, accountsItem } from '@/lib/account/accounts';
import { apiKeyItems } from '@/lib/account/key';
import { accountHash, readOptionsHash } from '@/lib/account/options-hash';
import { snapshotItems } from '@/lib/account/usage';
import { t } from '@/lib/platform/i18n';
import type { UsageSpan } from '@/lib/usage/chart';
import { AccountUsage } from './AccountUsage';

/** The account the hash names (`#account=a1`, as the popup and the options page open it), if any. */
const hashAccount = () => {
  const target = readOptionsHash(location.hash);
  return target && target.account !== 'first' ? target.account : null;
};

/** The account asked for by the hash, followed while the page is open (a second link to it lands here). */
function useHashAccount(): [string | null, (account: string) => void] {
  const [asked, setAsked] = useState(hashAccount);
  useEffect(() => {
    const heard = () => setAsked(hashAccount());
    addEventListener('hashchange', heard);
    return () => removeEventListener('hashchange', heard);
  }, []);
  const choose = (account: string) => {
    // The address keeps the choice, so a reload or a bookmark opens on it.
    history.replaceState(null, '', accountHash(account, { replace: false }));
    setAsked(account);
  };
  return [asked, choose];
}

/** The usage page: an account picker over one account's charts, billing periods, forecast and download. */
export function App({ locale }: { locale: string }) {
  const accounts = useStored(accountsItem, []);
  const keys = useStoredEach(
    accounts.map(({ id }) => apiKeyItems(id)),
    null,
  );
  const snapshots = useStoredEach(
    accounts.map(({ id }) => snapshotItems(id)),
    null,
  );
  const [asked, choose] = useHashAccount();
  const [span, setSpan] = useState<UsageSpan>(30);
  const named = accounts.map((account, index) => ({
    id: account.id,
    name: accountName(account, snapshots[index]?.usage.plan ?? null, keys[index] ?? null, t),
  }));
  const shown = named.find(({ id }) => id === asked) ?? named[0];
  return (
    <>
      <h1>
        <img src="/icon/32.png" width={32} height={32} alt="" />
        {t('usageTitle')}
      </h1>
      {!shown ? (
        <p class="usage-empty">
          {t('usageNoAccount')} <a href="/options.html">{t('usageOpenSettings')}</a>
        </p>
      ) : (
        <>
          {named.length > 1 && (
            <div class="usage-picker">
              <label for="usage-account">{t('usageAccountLabel')}</label>
              <select id="usage-account" value={shown.id} onChange={(event) => choose(event.currentTarget.value)}>
                {named.map(({ id, name }) => (
                  <option key={id} value={id}>
                    {name}
                  </option>
                ))}
              </select>
            </div>
          )}
          <ErrorBoundary>
            <AccountUsage
              key={shown.id}
              account={shown.id}
              name={shown.name}
              locale={locale}
              span={span}
              onSpan={setSpan}
            />
          </ErrorBoundary>
        </>
      )}
    </>
  );
}
