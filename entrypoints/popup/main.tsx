import { render } from 'preact';
import '@/components/theme.css';
import './popup.css';
import { provideFirstRead } from '@/components/use-stored';
import { apiKeyItem } from '@/lib/account/key';
import { snapshotItem } from '@/lib/account/usage';
import { settingsItem } from '@/lib/alerts/settings';
import { readFirst } from '@/lib/platform/first-read';
import { uiLanguage } from '@/lib/platform/i18n';
import { pollStatusItem } from '@/lib/polling/status';
import { App } from './App';

// Storage is read before the first render, as in the options page, so the numbers are in the
// first frame; only what that frame draws is read (the forecast block comes after it).
void readFirst([apiKeyItem, snapshotItem, pollStatusItem, settingsItem]).then((read) => {
  provideFirstRead(read);
  const { locale, dir } = uiLanguage();
  document.documentElement.lang = locale;
  document.documentElement.dir = dir;
  render(<App locale={locale} />, document.getElementById('app')!);
  // Read by `npm run bench`: the moment the numbers are in the DOM.
  performance.mark('fluximage:popup-ready');
});
