import { defineStoredValue } from './storage';
import { showLanguage } from './i18n';

/**
 * The languages the extension ships, as their `public/_locales` folders are named (a unit test
 * keeps the two the same). The options page offers each; nothing else lists them.
 */
export const SHIPPED_LANGUAGES = [
  'en',
  'es',
  'de',
  'fr',
  'it',
  'pt_BR',
  'nl',
  'pl',
  'ja',
  'zh_CN',
  'ko',
  'ar',
] as const;

export type ShippedLanguage = (typeof SHIPPED_LANGUAGES)[number];

/** The Language setting: the browser's language, or one the extension ships. */
export type LanguageChoice = 'browser' | ShippedLanguage;

export const parseLanguage = (value: unknown): LanguageChoice | undefined =>
  value === 'browser' || SHIPPED_LANGUAGES.includes(value as ShippedLanguage) ? (value as LanguageChoice) : undefined;

/**
 * The chosen language, in `storage.local`: it belongs to this browser, whose own language it
 * overrides, not to every browser the person signs in to. One for all accounts: the person,
 * not an account, reads the words.
 */
export const languageItem = defineStoredValue<LanguageChoice>('language', {
  parse: parseLanguage,
  fallback: 'browser',
  version: 1,
});

/** Every later `t` in the chosen language's messages (the browser's for `browser`). */
export const showChosen = (choice: LanguageChoice) => showLanguage(choice === 'browser' ? null : choice);
