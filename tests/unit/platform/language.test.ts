import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  chosenFrom,
  createTranslator,
  showLanguage,
  t,
  uiLanguage,
  uiLocale,
  type LocaleMessages,
  type MessageKey,
} from '@/lib/platform/i18n';
import { SHIPPED_LANGUAGES, languageItem, parseLanguage, showChosen } from '@/lib/platform/language';
import { ownName } from '@/lib/display/language-names';
import { counted } from '@/lib/display/plural';
import { formatCount } from '@/lib/display/format';

const LOCALES = join(__dirname, '../../../public/_locales');

/** The extension's own files, as `fetch(browser.runtime.getURL(…))` reads them; every URL asked for is kept. */
function serveLocales(files: Record<string, LocaleMessages> = {}) {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    asked.push(url);
    const code = /\/_locales\/([^/]+)\/messages\.json$/.exec(url)?.[1];
    const body = code && (files[code] ?? readFileSync(join(LOCALES, code, 'messages.json'), 'utf8'));
    if (!body) throw new TypeError('Failed to fetch');
    return new Response(typeof body === 'string' ? body : JSON.stringify(body));
  });
  return asked;
}

/** A right-to-left translation, as Arabic's file will be. */
const ARABIC: LocaleMessages = {
  messagesLanguage: { message: 'ar' },
  messagesDirection: { message: 'rtl' },
  thresholdHelpDefault: {
    message: 'الافتراضي: $DEFAULT$',
    placeholders: { default: { content: '$1' } },
  },
};

afterEach(async () => {
  vi.unstubAllGlobals();
  await showLanguage(null);
});

describe('the shipped languages', () => {
  it('are exactly the folders in public/_locales', () => {
    expect([...SHIPPED_LANGUAGES].toSorted()).toEqual(readdirSync(LOCALES).toSorted());
  });

  it.each([
    ['es', 'Español'],
    ['en', 'English'],
    ['de', 'Deutsch'],
    ['pt_BR', 'Português (Brasil)'],
    ['zh_CN', '简体中文'],
    ['ar', 'العربية'],
  ])('%s is offered in its own name, %s', (code, name) => {
    expect(ownName(code)).toBe(name);
  });
});

describe('the Language setting', () => {
  it.each([
    ['browser', 'browser'],
    ['es', 'es'],
    ['en', 'en'],
    ['a language the extension does not ship', 'xx'],
    ['a region the folders do not have', 'es-MX'],
    ['nothing', undefined],
    ['a number', 3],
    ['an object', { language: 'es' }],
  ])('reads %s', (_, value) => {
    const accepted = value === 'browser' || value === 'es' || value === 'en';
    expect(parseLanguage(value)).toBe(accepted ? value : undefined);
  });

  it('is the browser default until one is chosen, and junk in storage reads as it', async () => {
    expect(await languageItem.get()).toBe('browser');
    await fakeBrowser.storage.local.set({ language: 'klingon' });
    expect(await languageItem.get()).toBe('browser');
    await languageItem.set('es');
    expect(await fakeBrowser.storage.local.get('language')).toEqual({ language: 'es' });
  });
});

describe('loading the chosen language', () => {
  it('words, numbers and lang follow the chosen Spanish in an English browser, from its one file', async () => {
    const asked = serveLocales();
    await showChosen('es');
    expect(t('saved')).toBe('Guardado');
    expect(uiLanguage()).toEqual({ locale: 'es', dir: 'ltr' });
    expect(counted(t, uiLocale(), 'connected', 1080, 'Pro')).toBe('Conectado: plan Pro, quedan 1080 créditos de IA.');
    expect(asked).toEqual(['chrome-extension://test-extension-id/_locales/es/messages.json']);
  });

  it('keeps the browser’s region when it speaks the chosen language', async () => {
    serveLocales();
    Object.assign(fakeBrowser.i18n, { getUILanguage: () => 'es-MX' });
    await showChosen('es');
    expect(uiLocale()).toBe('es-MX');
  });

  it('goes back to the browser’s language, without a fetch, when the browser default is chosen again', async () => {
    const asked = serveLocales();
    await showChosen('es');
    await showChosen('browser');
    expect(t('saved')).toBe('Saved');
    expect(uiLanguage()).toEqual({ locale: 'en-US', dir: 'ltr' });
    expect(asked).toHaveLength(1);
  });

  it('a file that cannot be read leaves the browser’s language whole, words and numbers', async () => {
    serveLocales({});
    Object.assign(fakeBrowser.i18n, { getUILanguage: () => 'de' });
    await showLanguage('xx');
    expect(t('saved')).toBe('Saved');
    expect(uiLanguage()).toEqual({ locale: 'en', dir: 'ltr' });
    expect(formatCount(1080, uiLocale())).toBe('1,080');
  });

  it('a file that is not messages leaves the browser’s language too', async () => {
    serveLocales({ es: {} });
    await showChosen('es');
    expect(t('saved')).toBe('Saved');
  });

  it('of two choices that cross, the one made last is shown', async () => {
    serveLocales();
    const first = showChosen('es');
    const second = showChosen('browser');
    await Promise.all([first, second]);
    expect(t('saved')).toBe('Saved');
  });
});

describe('bidi isolation', () => {
  it('isolates each substitution of a right-to-left language, so a number keeps its order', async () => {
    serveLocales({ ar: ARABIC });
    await showLanguage('ar');
    expect(uiLanguage()).toEqual({ locale: 'ar', dir: 'rtl' });
    expect(t('thresholdHelpDefault', '1,080')).toBe('الافتراضي: \u20681,080\u2069');
  });

  it('does the same for the browser’s own right-to-left messages (an Arabic browser, no choice made)', () => {
    const browserArabic = createTranslator(ARABIC);
    Object.assign(fakeBrowser.i18n, {
      getMessage: (key: string, substitutions: string[] = []) => browserArabic(key as MessageKey, ...substitutions),
      getUILanguage: () => 'ar-EG',
    });
    expect(uiLanguage()).toEqual({ locale: 'ar-EG', dir: 'rtl' });
    expect(t('thresholdHelpDefault', '5')).toBe('الافتراضي: \u20685\u2069');
  });

  it('leaves left-to-right sentences untouched', async () => {
    serveLocales();
    await showChosen('es');
    expect(t('thresholdHelpDefault', '50')).not.toMatch(/[\u2068\u2069]/);
    expect(chosenFrom(ARABIC, '').translate('thresholdHelpDefault', '7')).toBe('الافتراضي: \u20687\u2069');
  });
});
