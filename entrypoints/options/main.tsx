import './options.css';
import { provideFirstRead } from '@/components/use-stored';
import { readFirst } from '@/lib/platform/first-read';
import { upgradeToAccounts } from '@/lib/account/upgrade';
import { renderInLanguage } from '@/components/render-in-language';
import { App } from './App';

// Storage is read before the first render, so what is stored (the saved key, the threshold)
// is in the first frame instead of replacing defaults a moment later. A single-key install is
// brought to the accounts layout first, so the page never reads the old one.
void (async () => {
  try {
    await upgradeToAccounts(Date.now());
  } catch {
    // The worker runs the same upgrade before it answers; the page still shows what it can read.
  }
  return readFirst();
})().then(async (read) => {
  provideFirstRead(read);
  await renderInLanguage(read, document.getElementById('app')!, (locale) => <App locale={locale} />, 'optionsTitle');
});
