import { useRef } from 'preact/hooks';
import { counted } from '@/lib/display/plural';
import { t } from '@/lib/platform/i18n';
import { accountMark, tabAfterKey } from './account-choice';
import type { AccountState } from './account-states';

export const ACCOUNT_PANEL_ID = 'account-panel';
export const accountTabId = (account: string) => `account-tab-${account}`;

interface AccountTabsProps {
  accounts: readonly AccountState[];
  selected: string;
  onChoose: (account: string) => void;
  locale: string;
}

/**
 * The accounts as a WAI-ARIA tab list, one row each: its name, credits left and a word for
 * its state. One tab is in the Tab order (roving tabindex); the arrow keys, Home and End
 * move between them, and the selection follows the focus: an account's details are drawn
 * from storage at once.
 */
export function AccountTabs({ accounts, selected, onChoose, locale }: AccountTabsProps) {
  const tabs = useRef(new Map<string, HTMLButtonElement>());
  const onKeyDown = (event: KeyboardEvent) => {
    const index = accounts.findIndex(({ id }) => id === selected);
    const next = tabAfterKey(event.key, index, accounts.length);
    if (next === null || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    const { id } = accounts[next]!;
    onChoose(id);
    tabs.current.get(id)?.focus();
  };
  return (
    <div
      role="tablist"
      aria-label={t('accountsListLabel')}
      aria-orientation="vertical"
      class="account-tabs"
      onKeyDown={onKeyDown}
    >
      {accounts.map((account) => (
        <AccountTab
          key={account.id}
          account={account}
          selected={account.id === selected}
          locale={locale}
          onChoose={onChoose}
          tabRef={(element) => {
            if (element) tabs.current.set(account.id, element);
            else tabs.current.delete(account.id);
          }}
        />
      ))}
    </div>
  );
}

interface AccountTabProps {
  account: AccountState;
  selected: boolean;
  locale: string;
  onChoose: (account: string) => void;
  tabRef: (element: HTMLButtonElement | null) => void;
}

function AccountTab({ account, selected, locale, onChoose, tabRef }: AccountTabProps) {
  const { id, name, view } = account;
  const mark = accountMark(view);
  const credits = view.snapshot
    ? counted(t, locale, 'accountTabCredits', view.snapshot.usage.remainingCredits)
    : view.kind === 'loading'
      ? t('accountTabChecking')
      : null;
  return (
    <button
      type="button"
      role="tab"
      id={accountTabId(id)}
      class="account-tab"
      aria-selected={selected}
      aria-controls={selected ? ACCOUNT_PANEL_ID : undefined}
      tabIndex={selected ? 0 : -1}
      onClick={() => onChoose(id)}
      ref={tabRef}
    >
      {/* A name cut short by the row's width is whole in the tooltip and for screen readers. */}
      <span class="account-tab-name" title={name} dir="auto">
        {name}
      </span>{' '}
      {credits !== null && <span class="account-tab-credits">{credits}</span>}{' '}
      {mark && <span class={`account-mark account-mark-${mark.tone}`}>{t(mark.word)}</span>}
    </button>
  );
}
