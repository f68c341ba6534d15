import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import english from '../../../public/_locales/en/messages.json';
import spanish from '../../../public/_locales/es/messages.json';
import { createTranslator, shownLanguage, uiLanguage, type LocaleMessages } from '@/lib/platform/i18n';
import { formatCount } from '@/lib/display/format';
import { PLURAL_CATEGORIES } from '@/lib/display/plural';

const ROOT = join(__dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(tsx?|html)$/.test(name) ? [path] : [];
  });
}

const code = ['entrypoints', 'components', 'lib']
  .flatMap((dir) => sources(join(ROOT, dir)))
  .map((path) => readFileSync(path, 'utf8'))
  .join('\n')
  .concat(readFileSync(join(ROOT, 'wxt.config.ts'), 'utf8'));

const PLURAL_FORM = new RegExp(`_(${PLURAL_CATEGORIES.join('|')})$`);

const placeholders = (entry: object) =>
  Object.keys('placeholders' in entry ? (entry.placeholders as object) : {}).toSorted();

describe('locales', () => {
  it.each(['en', 'es'])('%s names each message once (a repeated name silently replaces the first)', (lang) => {
    const text = readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8');
    const names = [...text.matchAll(/^ {2}"([^"]+)": \{/gm)].map((match) => match[1]);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  it('English and Spanish have the same messages with the same placeholders', () => {
    expect(Object.keys(spanish).toSorted()).toEqual(Object.keys(english).toSorted());
    for (const [key, entry] of Object.entries(english)) {
      expect(placeholders(spanish[key as keyof typeof spanish]), key).toEqual(placeholders(entry));
    }
  });

  // A counted message's forms (`historyKept_one`, `historyKept_other`) are asked for by their name.
  it.each(Object.keys(english))('message %s is used in the code', (key) => {
    const name = key.replace(PLURAL_FORM, '');
    expect(code).toMatch(new RegExp(`['"_]${name}['"_]`));
  });

  it('every message the code asks for exists', () => {
    const asked = [...code.matchAll(/\bt\(\s*'([A-Za-z]+)'/g)].map((m) => m[1]);
    expect(asked.length).toBeGreaterThan(20);
    for (const key of asked) expect(english, key).toHaveProperty(key!);
    const counts = [...code.matchAll(/\bcounted\(\s*t,\s*\w+,\s*'([A-Za-z]+)'/g)].map((m) => m[1]);
    expect(counts.length).toBeGreaterThan(5);
    for (const name of counts) expect(english, name).toHaveProperty(`${name}_other`);
  });

  it.each([
    ['en', english],
    ['es', spanish],
  ])('%s has each counted message in exactly the plural forms its language uses', (lang, messages) => {
    const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
    const forms = new Map<string, string[]>();
    for (const key of Object.keys(messages).filter((key) => PLURAL_FORM.test(key))) {
      const [name, category] = [key.replace(PLURAL_FORM, ''), key.match(PLURAL_FORM)![1]!];
      forms.set(name, [...(forms.get(name) ?? []), category]);
    }
    expect(forms.size).toBeGreaterThan(5);
    for (const [name, present] of forms) {
      // `other` always; `one` wherever the language has it; nothing the language never selects.
      expect(present, name).toContain('other');
      if (categories.includes('one')) expect(present, name).toContain('one');
      expect(categories, name).toEqual(expect.arrayContaining(present));
    }
  });

  it('substitutes placeholders the way the browser does', () => {
    const es = createTranslator(spanish);
    expect(es('connected_other', '1.080', 'Pro')).toBe('Conectado: plan Pro, quedan 1.080 créditos de IA.');
  });
});

const en = createTranslator(english);
const es = createTranslator(spanish);
/** A translation the extension may ship later, written right to left. */
const arabic = createTranslator({
  messagesLanguage: { message: 'ar' },
  messagesDirection: { message: 'rtl' },
} satisfies LocaleMessages);

describe('the language words are shown in', () => {
  it.each([
    ['English messages in a German browser', en, 'de', { locale: 'en', dir: 'ltr' }],
    ['English messages in an Arabic browser', en, 'ar-EG', { locale: 'en', dir: 'ltr' }],
    ['English messages in a British browser keep its region', en, 'en-GB', { locale: 'en-GB', dir: 'ltr' }],
    ['English messages in an American browser', en, 'en-US', { locale: 'en-US', dir: 'ltr' }],
    ['Spanish messages in a Mexican browser', es, 'es-MX', { locale: 'es-MX', dir: 'ltr' }],
    ['Spanish messages picked in an English browser', es, 'en-US', { locale: 'es', dir: 'ltr' }],
    ['a tag written with an underscore', es, 'es_419', { locale: 'es-419', dir: 'ltr' }],
    ['no browser language', en, '', { locale: 'en', dir: 'ltr' }],
    ['a malformed browser language', en, 'not a language!', { locale: 'en', dir: 'ltr' }],
    ['right-to-left messages', arabic, 'ar', { locale: 'ar', dir: 'rtl' }],
    ['right-to-left messages in a French browser', arabic, 'fr-FR', { locale: 'ar', dir: 'rtl' }],
  ])('%s', (_, translate, browserLanguage, shown) => {
    expect(shownLanguage(translate, browserLanguage)).toEqual(shown);
  });

  it('is always the messages’ own language, a tag every Intl call accepts (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.constantFrom('de', 'en-GB', 'es-ES', 'ar', 'pt-BR', 'zh-Hant-TW')),
        (tag) => {
          for (const [translate, own] of [
            [en, 'en'],
            [es, 'es'],
          ] as const) {
            const { locale } = shownLanguage(translate, tag);
            expect(new Intl.Locale(locale).language).toBe(own);
            expect(() => new Intl.DateTimeFormat(locale).format(0)).not.toThrow();
          }
        },
      ),
    );
  });

  it('in a browser the extension is not translated for, numbers follow the English the pages show', () => {
    Object.assign(fakeBrowser.i18n, { getUILanguage: () => 'de' });
    const { locale, dir } = uiLanguage();
    expect({ locale, dir }).toEqual({ locale: 'en', dir: 'ltr' });
    expect(formatCount(1080, locale)).toBe('1,080');
  });
});
