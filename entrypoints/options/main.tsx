import { render } from 'preact';
import './options.css';
import { provideFirstRead } from '@/components/use-stored';
import { readFirst } from '@/lib/platform/first-read';
import { t, uiLanguage } from '@/lib/platform/i18n';
import { App } from './App';

// Storage is read before the first render, so what is stored (the saved key, the threshold)
// is in the first frame instead of replacing defaults a moment later.
void readFirst().then((read) => {
  provideFirstRead(read);
  const { locale, dir } = uiLanguage();
  document.documentElement.lang = locale;
  document.documentElement.dir = dir;
  document.title = t('optionsTitle');
  render(<App locale={locale} />, document.getElementById('app')!);
});
