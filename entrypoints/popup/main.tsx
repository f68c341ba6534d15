import { render } from 'preact';
import '@/components/theme.css';
import './popup.css';
import { provideFirstRead } from '@/components/use-stored';
import { MAX_ACCOUNTS, accountsItem, popupAccountItem } from '@/lib/account/accounts';
import { upgradeToAccounts } from '@/lib/account/upgrade';
import { settingsItem } from '@/lib/alerts/settings';
import { insightSettingsItem } from '@/lib/foresight/settings';
import { readFirst } from '@/lib/platform/first-read';
import { uiLanguage } from '@/lib/platform/i18n';
import { drawnItems } from './account-states';
import { App } from './App';

// New ids take the first free number (lib/account/accounts.ts), so every listed account is
// one of these: their items are asked for before the list itself is known.
const possibleAccounts = Array.from({ length: MAX_ACCOUNTS }, (_, n) => `a${n}`);

// A single-key install becomes its first account before anything is read. Storage is then read
// in one call before the first render, as in the options page, so every account's numbers
// are in the first frame; only what that frame draws is read (the forecast block comes after it).
void upgradeToAccounts(Date.now())
  .catch(() => undefined)
  .then(() =>
    readFirst([
      accountsItem,
      popupAccountItem,
      settingsItem,
      insightSettingsItem,
      ...possibleAccounts.flatMap(drawnItems),
    ]),
  )
  .then((read) => {
    provideFirstRead(read);
    const { locale, dir } = uiLanguage();
    document.documentElement.lang = locale;
    document.documentElement.dir = dir;
    render(<App locale={locale} />, document.getElementById('app')!);
    // Read by `npm run bench`: the moment the numbers are in the DOM.
    performance.mark('fluximage:popup-ready');
  });
