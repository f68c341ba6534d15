import { useState } from 'preact/hooks';
import { useStored } from '@/components/use-stored';
import { accountsItem, popupAccountItem } from '@/lib/account/accounts';
import { DEFAULT_SETTINGS, settingsItem } from '@/lib/alerts/settings';
import { DEFAULT_INSIGHT_SETTINGS, insightSettingsItem } from '@/lib/foresight/settings';
import { openingAccount } from './account-choice';
import { useAccountStates, type AccountState } from './account-states';
import { AccountDetails, Brand } from './AccountDetails';
import { ACCOUNT_PANEL_ID, AccountTabs, accountTabId } from './AccountTabs';

/**
 * The popup: the accounts' numbers from storage at once, the one shown refreshed in the
 * background. One account: its details, as before there were several. Several: a tab per
 * account above the details of the one chosen.
 */
export function App({ locale }: { locale: string }) {
  const accounts = useStored(accountsItem, []);
  const settings = useStored(settingsItem, DEFAULT_SETTINGS);
  const states = useAccountStates(accounts, settings);
  if (states.length < 2) return <AccountDetails state={states[0]!} locale={locale} />;
  return <SeveralAccounts states={states} locale={locale} />;
}

function SeveralAccounts({ states, locale }: { states: AccountState[]; locale: string }) {
  const last = useStored(popupAccountItem, null);
  const insightSettings = useStored(insightSettingsItem, DEFAULT_INSIGHT_SETTINGS);
  // Decided once, when the popup opens: numbers changing meanwhile do not move the view.
  const [opened] = useState(() => openingAccount(states, last, insightSettings.badgeAccount));
  const [chosen, setChosen] = useState<string | null>(null);
  const listed = (id: string | null) => states.find((state) => state.id === id);
  // A removed account (in another window) gives way to the one the popup would open on now.
  const shown =
    listed(chosen) ??
    listed(opened) ??
    listed(openingAccount(states, last, insightSettings.badgeAccount)) ??
    states[0]!;
  const choose = (account: string) => {
    setChosen(account);
    // Remembered for the next time the popup opens.
    popupAccountItem.set(account).catch(() => undefined);
  };
  return (
    <>
      <Brand view={shown.view} />
      <AccountTabs accounts={states} selected={shown.id} onChoose={choose} locale={locale} />
      <AccountDetails
        key={shown.id}
        state={shown}
        locale={locale}
        wrap={(details) => (
          <div role="tabpanel" id={ACCOUNT_PANEL_ID} class="account-panel" aria-labelledby={accountTabId(shown.id)}>
            {details}
          </div>
        )}
      />
    </>
  );
}
