import { render } from 'preact';
import '@/components/theme.css';
import './popup.css';
import { provideFirstRead } from '@/components/use-stored';
import { upgradeToAccounts } from '@/lib/account/upgrade';
import { readFirst } from '@/lib/platform/first-read';
import { uiLanguage } from '@/lib/platform/i18n';
import { firstFrameItems } from './account-states';
import { App } from './App';

// A single-key install becomes its first account before anything is read. Storage is then read
// in one call before the first render, as in the options page, so every account's numbers
// are in the first frame; only what that frame draws is read (the forecast block comes after it).
void upgradeToAccounts(Date.now())
  .catch(() => undefined)
  .then(() => readFirst(firstFrameItems()))
  .then((read) => {
    provideFirstRead(read);
    const { locale, dir } = uiLanguage();
    document.documentElement.lang = locale;
    document.documentElement.dir = dir;
    render(<App locale={locale} />, document.getElementById('app')!);
    // Read by `npm run bench`: the moment the numbers are in the DOM.
    performance.mark('fluximage:popup-ready');
  });
