import { browser } from 'wxt/browser';
import type english from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof english;
export type Translate = (key: MessageKey, ...substitutions: (string | number)[]) => string;

export interface LocaleMessages {
  [key: string]: { message: string; placeholders?: Record<string, { content: string }> };
}

/** The language words are shown in: the pages' `lang` and `dir`, and the locale of every `Intl` call. */
export interface ShownLanguage {
  locale: string;
  dir: 'ltr' | 'rtl';
}

/** Messages from `_locales`, in the language the browser picked for the extension. */
export const t: Translate = (key, ...substitutions) => browser.i18n.getMessage(key, substitutions.map(String));

/** The language the browser's messages are shown in (see `shownLanguage`). */
export function uiLanguage(): ShownLanguage {
  return shownLanguage(t, browser.i18n.getUILanguage());
}

/** The locale for numbers, dates and plurals: the one the messages are shown in. */
export function uiLocale(): string {
  return uiLanguage().locale;
}

/** `browserLanguage` as a well-formed tag, or `null` ("de_DE" reads as "de-DE"). */
function canonical(browserLanguage: string): string | null {
  try {
    return Intl.getCanonicalLocales(browserLanguage.replace(/_/g, '-'))[0] ?? null;
  } catch {
    return null;
  }
}

/**
 * The language a translator's messages are in, as each `messages.json` names its own
 * (`messagesLanguage`, `messagesDirection`). A browser in a language the extension is not
 * translated into gets the English messages: numbers, dates and `lang` then follow them,
 * not the browser ("1,080", never "1.080" inside an English sentence). The browser's region
 * is kept when it speaks the messages' language, so an en-GB browser writes "14 Dec".
 * A translator built from another locale's messages (a language picker) brings its own.
 */
export function shownLanguage(translate: Translate, browserLanguage = ''): ShownLanguage {
  const own = canonical(translate('messagesLanguage')) ?? 'en';
  const dir = translate('messagesDirection') === 'rtl' ? 'rtl' : 'ltr';
  const regional = canonical(browserLanguage);
  const sameLanguage = regional !== null && new Intl.Locale(regional).language === new Intl.Locale(own).language;
  return { locale: sameLanguage ? regional : own, dir };
}

/**
 * The `chrome.i18n.getMessage` substitution rules (named placeholders that point
 * at `$1`…`$9`), for pages and tests that render a given locale's messages.
 */
export function createTranslator(messages: LocaleMessages): Translate {
  return (key, ...substitutions) => {
    const entry = messages[key];
    if (!entry) return '';
    const positional = (text: string) =>
      text.replace(/\$(\d)/g, (_, index: string) => String(substitutions[Number(index) - 1] ?? ''));
    return entry.message
      .replace(/\$([A-Za-z0-9_]+)\$/g, (match, name: string) => {
        const placeholder = entry.placeholders?.[name.toLowerCase()];
        return placeholder ? positional(placeholder.content) : match;
      })
      .replace(/\$\$/g, '$');
  };
}
