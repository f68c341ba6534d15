import { browser } from 'wxt/browser';
import type english from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof english;
export type Translate = (key: MessageKey, ...substitutions: (string | number)[]) => string;

export interface LocaleMessages {
  [key: string]: { message: string; placeholders?: Record<string, { content: string }> };
}

/** Messages from `_locales`, in the browser's UI language. */
export const t: Translate = (key, ...substitutions) => browser.i18n.getMessage(key, substitutions.map(String));

export function uiLocale(): string {
  return browser.i18n.getUILanguage();
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
