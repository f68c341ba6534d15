import { render } from 'preact';
import '@/components/theme.css';
import './options.css';
import { t, uiLocale } from '@/lib/i18n';
import { App } from './App';

document.documentElement.lang = uiLocale();
document.title = t('optionsTitle');
render(<App locale={uiLocale()} />, document.getElementById('app')!);
