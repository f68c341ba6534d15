import { render } from 'preact';
import './usage.css';
import { provideFirstRead } from '@/components/use-stored';
import { readFirst } from '@/lib/platform/first-read';
import { t, uiLanguage } from '@/lib/platform/i18n';

// As on the other pages, storage is read before the first render, so the history is in the first
// frame. The page's own code is imported, not bundled with this: what a page loads at once and
// another page loads too goes to the chunk every page shares (wxt.config.ts), and the charts must
// never weigh on the popup.
void Promise.all([readFirst(), import('./App')]).then(([read, { App }]) => {
  provideFirstRead(read);
  const { locale, dir } = uiLanguage();
  document.documentElement.lang = locale;
  document.documentElement.dir = dir;
  document.title = t('usageTitle');
  render(<App locale={locale} />, document.getElementById('app')!);
});
