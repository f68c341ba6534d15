import { useEffect, useRef, useState } from 'preact/hooks';
import { Notice } from '@/components/Notice';
import { useStored } from '@/components/use-stored';
import { isAccountId } from '@/lib/account/account-id';
import { accountsItem } from '@/lib/account/accounts';
import { UPDATE_KEY_HASH } from '@/lib/account/config';
import { t } from '@/lib/platform/i18n';
import { AccountRow, rowId } from './AccountRow';
import { AddAccount } from './AddAccount';

/** The account `#account=<id>` names (a notification opens it), if the hash names one. */
export function accountInHash(hash: string): string | null {
  const id = /^#account=(.+)$/.exec(hash)?.[1] ?? null;
  return isAccountId(id) ? id : null;
}

/** Every account, one row each, and the form that adds one. */
export function AccountsSection({ locale }: { locale: string }) {
  const accounts = useStored(accountsItem, []);
  const [replacing, setReplacing] = useState<string | null>(null);
  // What became of an account whose row is gone: removed here, or removed elsewhere while its key was replaced here.
  const [gone, setGone] = useState<{ tone: 'info' | 'warning'; text: string } | null>(null);
  useHashTarget(
    accounts.map(({ id }) => id),
    setReplacing,
  );
  return (
    <section aria-labelledby="key-heading">
      <h2 id="key-heading">{t(accounts.length > 1 ? 'accountsHeading' : 'accountHeading')}</h2>
      {accounts.length > 0 && (
        <ul class="accounts">
          {accounts.map((account) => (
            <AccountRow
              key={account.id}
              account={account}
              locale={locale}
              replacing={replacing === account.id}
              onReplace={(open) => setReplacing(open ? account.id : null)}
              onRemoved={(name) => setGone({ tone: 'info', text: t('accountRemoved', name) })}
              onGone={(text) => setGone({ tone: 'warning', text })}
            />
          ))}
        </ul>
      )}
      <div aria-live="polite">{gone && <Notice tone={gone.tone}>{gone.text}</Notice>}</div>
      <AddAccount count={accounts.length} locale={locale} />
    </section>
  );
}

/**
 * `#account=<id>` scrolls to that account's row and focuses it; `#update-key` (the popup's
 * "Update your key") opens the first account's key form, or focuses the first-run key field.
 * Each hash is acted on once, when its row is in the page.
 */
function useHashTarget(ids: string[], openReplace: (account: string) => void) {
  const handled = useRef<string | null>(null);
  const [hash, setHash] = useState(() => location.hash);
  useEffect(() => {
    const heard = () => {
      handled.current = null;
      setHash(location.hash);
    };
    addEventListener('hashchange', heard);
    return () => removeEventListener('hashchange', heard);
  }, []);
  const known = ids.join(' ');
  useEffect(() => {
    if (handled.current === hash) return;
    const target = accountInHash(hash);
    if (target && ids.includes(target)) {
      handled.current = hash;
      const row = document.getElementById(rowId(target));
      row?.scrollIntoView({ block: 'start' });
      row?.focus();
    } else if (hash === UPDATE_KEY_HASH) {
      handled.current = hash;
      if (ids[0]) openReplace(ids[0]);
      else document.getElementById('api-key')?.focus();
    }
    // `ids` is read through `known`, its contents.
  }, [hash, known]);
}
