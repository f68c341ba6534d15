import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createTranslator } from '@/lib/platform/i18n';
import english from '../../public/_locales/en/messages.json';

// fakeBrowser has no i18n; give it the real English messages so tests read what users read.
const translate = createTranslator(english);

beforeEach(() => {
  fakeBrowser.reset();
  Object.assign(fakeBrowser.i18n, {
    getMessage: (key: string, substitutions: string[] = []) => translate(key as keyof typeof english, ...substitutions),
    getUILanguage: () => 'en-US',
  });
});
