import { formatCount } from './format';
import type { MessageKey, Translate } from '../platform/i18n';

/**
 * A message that counts something comes in plural forms, one message per CLDR category:
 * `historyKept_one`, `historyKept_other`. Each language's file has the categories
 * `Intl.PluralRules` lists for it: English `one` and `other`, Japanese `other` alone, Polish
 * `one`, `few`, `many`, `other`, Arabic all six (tests/unit/platform/locales.test.ts).
 */
export type CountedMessage = {
  [K in MessageKey]: K extends `${infer Name}_other` ? Name : never;
}[MessageKey];

export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;

/**
 * The sentence about `count` things in the form the language uses for that number
 * (`Intl.PluralRules`): "1 reading kept", "2 readings kept", "1 lectura guardada". The count,
 * written in the locale, is the message's first placeholder; `rest` fill the others. A form
 * a language's file lacks falls back to its `_other`.
 */
export function counted(
  t: Translate,
  locale: string,
  name: CountedMessage,
  count: number,
  ...rest: (string | number)[]
): string {
  // The number as it is written: formatCount shows whole units, so the plural follows them.
  const shown = Math.floor(count) + 0;
  const words = [formatCount(shown, locale), ...rest];
  const category = new Intl.PluralRules(locale).select(shown);
  return t(`${name}_${category}` as MessageKey, ...words) || t(`${name}_other` as MessageKey, ...words);
}
