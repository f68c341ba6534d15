import '@/components/theme.css';
import './popup.css';
import { provideFirstRead } from '@/components/use-stored';
import { upgradeToAccounts } from '@/lib/account/upgrade';
import { readFirst } from '@/lib/platform/first-read';
import { languageItem } from '@/lib/platform/language';
import { renderInLanguage } from '@/components/render-in-language';
import { firstFrameItems } from './account-states';
import { App } from './App';

// A single-key install becomes its first account before anything is read. Storage is then read
// in one call before the first render, as in the options page, so every account's numbers
// are in the first frame; only what that frame draws is read (the forecast block comes after it).
void upgradeToAccounts(Date.now())
  .catch(() => undefined)
  .then(() => readFirst([...firstFrameItems(), languageItem]))
  .then(async (read) => {
    provideFirstRead(read);
    await renderInLanguage(read, document.getElementById('app')!, (locale) => <App locale={locale} />);
    // Read by `npm run bench`: the moment the numbers are in the DOM.
    performance.mark('fluximage:popup-ready');
  });
