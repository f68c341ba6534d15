import { render } from 'preact';
import '@/components/theme.css';
import './popup.css';
import { loadPopupState } from './state';
import { App } from './App';

// Storage is read before the first render so the numbers are in the first frame.
void loadPopupState().then((initial) => {
  document.documentElement.lang = initial.locale;
  document.documentElement.dir = initial.dir;
  render(<App initial={initial} />, document.getElementById('app')!);
  // Read by `npm run bench`: the moment the numbers are in the DOM.
  performance.mark('fluximage:popup-ready');
});
