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

/** The browser's own messages: `_locales` in the language it picked for the extension. */
const browserTranslate: Translate = (key, ...substitutions) => browser.i18n.getMessage(key, substitutions.map(String));

/** Messages loaded from a language the person chose (`showLanguage`); `null` follows the browser. */
let chosen: { translate: Translate; language: ShownLanguage } | null = null;

/**
 * Messages in the chosen language, or the browser's. In a right-to-left language each
 * substitution is bidi-isolated, so a number or date keeps its own order inside the sentence.
 */
export const t: Translate = (key, ...substitutions) => {
  if (chosen) return chosen.translate(key, ...substitutions);
  const words = browserTranslate('messagesDirection') === 'rtl' ? substitutions.map(isolate) : substitutions;
  return browserTranslate(key, ...words);
};

/** The language the messages are shown in (see `shownLanguage`): the chosen one, or the browser's. */
export function uiLanguage(): ShownLanguage {
  return chosen?.language ?? shownLanguage(browserTranslate, browser.i18n.getUILanguage());
}

/** The locale for numbers, dates and plurals: the one the messages are shown in. */
export function uiLocale(): string {
  return uiLanguage().locale;
}

let asked = 0;

/**
 * Shows every later `t` in `code`'s messages, fetched from the extension's own `_locales`
 * (`browser.i18n` cannot switch languages); `null` goes back to the browser's. Only that one
 * file is read, so no page carries another language's words. A file that cannot be read
 * leaves the browser's language, whole: never some words of one and some of another. Of
 * calls that cross, the last one asked wins.
 */
export async function showLanguage(code: string | null): Promise<void> {
  const call = (asked += 1);
  let next: typeof chosen = null;
  if (code !== null) {
    try {
      const response = await fetch(browser.runtime.getURL(`/_locales/${code}/messages.json` as '/'));
      next = chosenFrom((await response.json()) as LocaleMessages, browser.i18n.getUILanguage());
    } catch {
      next = null;
    }
  }
  if (call === asked) chosen = next;
}

/** A translator and its language from a `messages.json`, its substitutions isolated when it is rtl. */
export function chosenFrom(messages: LocaleMessages, browserLanguage: string) {
  const translate = createTranslator(messages);
  if (!translate('messagesLanguage')) throw new Error('not a messages file');
  const language = shownLanguage(translate, browserLanguage);
  return {
    language,
    translate: language.dir === 'rtl' ? isolating(translate) : translate,
  };
}

/** FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE: the text is laid out on its own, by its first strong letter. */
export const isolate = (value: string | number) => `\u2068${value}\u2069`;

/** `translate` with every substitution bidi-isolated. */
export const isolating =
  (translate: Translate): Translate =>
  (key, ...substitutions) =>
    translate(key, ...substitutions.map(isolate));

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
