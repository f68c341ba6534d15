import { useState } from 'preact/hooks';
import { Notice } from '@/components/Notice';
import { useStored } from '@/components/use-stored';
import { accountsItem } from '@/lib/account/accounts';
import { t } from '@/lib/platform/i18n';
import { AccountRow } from './AccountRow';
import { AddAccount } from './AddAccount';
import { useHashTarget } from './use-hash-target';

/** The account whose Replace key form is open; `turn` counts the times its field was asked for. */
interface Replacing {
  account: string;
  turn: number;
}

/** Every account, one row each, and the form that adds one. */
export function AccountsSection({ locale }: { locale: string }) {
  const accounts = useStored(accountsItem, []);
  const [replacing, setReplacing] = useState<Replacing | null>(null);
  // What became of an account whose row is gone: removed here, or removed elsewhere while its key was replaced here.
  const [gone, setGone] = useState<{ tone: 'info' | 'warning'; text: string } | null>(null);
  // Each ask focuses the field again, also when the form is open already (a new hash, Replace key).
  const openReplace = (account: string) => setReplacing((last) => ({ account, turn: (last?.turn ?? 0) + 1 }));
  useHashTarget(
    accounts.map(({ id }) => id),
    openReplace,
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
              replaceTurn={replacing?.account === account.id ? replacing.turn : null}
              onReplace={(open) => (open ? openReplace(account.id) : setReplacing(null))}
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
