// Every translation has what English has: each message, its placeholders, its plural forms.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import english from '../../../public/_locales/en/messages.json';
import { createTranslator, shownLanguage, type LocaleMessages } from '@/lib/platform/i18n';
import { PLURAL_CATEGORIES, counted } from '@/lib/display/plural';
import { formatCount } from '@/lib/display/format';

const LOCALES = join(__dirname, '../../../public/_locales');
const FOLDERS = readdirSync(LOCALES).toSorted();
const TRANSLATIONS = FOLDERS.filter((folder) => folder !== 'en');

interface Entry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

const text = (folder: string) => readFileSync(join(LOCALES, folder, 'messages.json'), 'utf8');
const messagesOf = (folder: string) => JSON.parse(text(folder)) as Record<string, Entry>;
/** The folder's name as a language tag: Chrome wants `pt_BR`, `Intl` wants `pt-BR`. */
const tagOf = (folder: string) => folder.replace('_', '-');

const PLURAL_FORM = new RegExp(`_(${PLURAL_CATEGORIES.join('|')})$`);
const COUNTED = Object.keys(english)
  .filter((key) => key.endsWith('_other'))
  .map((key) => key.replace(PLURAL_FORM, ''));
const englishEntry = (key: string) => {
  const name = key.replace(PLURAL_FORM, '');
  const entries = english as Record<string, Entry>;
  return COUNTED.includes(name) ? entries[`${name}_other`]! : entries[key]!;
};

/**
 * Spanish's `many` (a million and more: "1.000.000 de créditos") is not written yet; `counted`
 * shows its `_other` form for it. Every other language has exactly the forms it selects.
 */
const NOT_YET_WRITTEN: Record<string, string[]> = { es: ['many'] };

/** The names a language's file must hold: English's, with each counted message in the language's forms. */
function expectedKeys(folder: string): string[] {
  const categories = new Intl.PluralRules(tagOf(folder)).resolvedOptions().pluralCategories;
  const missing = NOT_YET_WRITTEN[folder] ?? [];
  const plain = Object.keys(english).filter((key) => !COUNTED.includes(key.replace(PLURAL_FORM, '')));
  const forms = COUNTED.flatMap((name) =>
    categories.filter((category) => !missing.includes(category)).map((category) => `${name}_${category}`),
  );
  return [...plain, ...forms].toSorted();
}

/** Whether a plural category holds a single whole number in the language (Arabic's two; not French's one, 0 and 1). */
const forOneNumber = (folder: string, category: string) => {
  const rules = new Intl.PluralRules(tagOf(folder));
  return Array.from({ length: 1001 }, (_, n) => n).filter((n) => rules.select(n) === category).length === 1;
};
const named = (message: string) => [...message.matchAll(/\$([A-Za-z0-9_]+)\$/g)].map((m) => m[1]!.toLowerCase());
const positional = (text: string) => [...text.matchAll(/\$(\d)/g)].map((m) => Number(m[1]));

describe('every locale', () => {
  it('is one of the twelve languages, in a folder name Chrome accepts', () => {
    expect(FOLDERS).toEqual(['ar', 'de', 'en', 'es', 'fr', 'it', 'ja', 'ko', 'nl', 'pl', 'pt_BR', 'zh_CN']);
  });

  it.each(FOLDERS)('%s is valid JSON and names each message once (a repeated name replaces the first)', (folder) => {
    expect(() => messagesOf(folder)).not.toThrow();
    const names = [...text(folder).matchAll(/^ {2}"([^"]+)": \{/gm)].map((match) => match[1]);
    expect(names.length).toBe(Object.keys(messagesOf(folder)).length);
    expect(names.filter((name, index) => names.indexOf(name) !== index)).toEqual([]);
  });

  it.each(FOLDERS)('%s names its own language and direction', (folder) => {
    const messages = messagesOf(folder);
    expect(messages.messagesLanguage?.message).toBe(tagOf(folder));
    expect(messages.messagesDirection?.message).toBe(folder === 'ar' ? 'rtl' : 'ltr');
    const translate = createTranslator(messages as LocaleMessages);
    expect(shownLanguage(translate, 'xx')).toEqual({
      locale: tagOf(folder),
      dir: folder === 'ar' ? 'rtl' : 'ltr',
    });
  });

  it.each(TRANSLATIONS)('%s has exactly the messages of English, counted ones in its own plural forms', (folder) => {
    expect(Object.keys(messagesOf(folder)).toSorted()).toEqual(expectedKeys(folder));
  });

  it.each(FOLDERS)('%s has no empty message', (folder) => {
    const empty = Object.entries(messagesOf(folder)).filter(([, entry]) => entry.message.trim() === '');
    expect(empty.map(([key]) => key)).toEqual([]);
  });

  it.each(TRANSLATIONS)('%s keeps the placeholders of English and says every one of them', (folder) => {
    for (const [key, entry] of Object.entries(messagesOf(folder))) {
      const source = englishEntry(key);
      const contents = (e: Entry) => Object.entries(e.placeholders ?? {}).map(([name, p]) => [name, p.content]);
      expect(contents(entry), key).toEqual(contents(source));
      // A form for a single number may say it in words ("رصيد واحد", "رصيدان", "in the last
      // minute"): it may leave out the count, `counted`'s first substitution, and nothing else.
      const count = Object.entries(source.placeholders ?? {}).find(([, p]) => p.content === '$1')?.[0];
      const category = key.match(PLURAL_FORM)?.[1];
      const exact = COUNTED.includes(key.replace(PLURAL_FORM, '')) && category && forOneNumber(folder, category);
      const said = new Set(named(entry.message));
      const required = named(source.message).filter((name) => !(exact && name === count));
      for (const name of required) expect(said, `${key}: $${name.toUpperCase()}$`).toContain(name);
      for (const name of said) expect(named(source.message), `${key}: $${name.toUpperCase()}$`).toContain(name);
    }
  });

  it.each(FOLDERS)('%s refers only to placeholders it defines and to substitutions the code passes', (folder) => {
    for (const [key, entry] of Object.entries(messagesOf(folder))) {
      const defined = Object.keys(entry.placeholders ?? {});
      for (const name of named(entry.message)) expect(defined, `${key}: $${name}$`).toContain(name);
      // A `$` not in a placeholder is printed as is by no browser the same way: `$$` is the one escape.
      expect(entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, '').replace(/\$\$/g, ''), key).not.toContain('$');
      const passed = new Set(Object.values(englishEntry(key).placeholders ?? {}).flatMap((p) => positional(p.content)));
      const used = Object.values(entry.placeholders ?? {}).flatMap((p) => positional(p.content));
      for (const index of used) expect(passed, `${key}: $${index}`).toContain(index);
    }
  });

  // "14 déc.", "14. Dez.", "14 de dez.": a short date can end in a period, so no sentence may end on one.
  it.each(FOLDERS)('%s never doubles the period after a date', (folder) => {
    const date = new Intl.DateTimeFormat(tagOf(folder), { month: 'short', day: 'numeric' }).format(
      new Date(2026, 11, 14),
    );
    const translate = createTranslator(messagesOf(folder) as LocaleMessages);
    for (const [key, entry] of Object.entries(messagesOf(folder))) {
      const order = Object.entries(entry.placeholders ?? {}).toSorted(([, a], [, b]) =>
        a.content.localeCompare(b.content),
      );
      const words = order.map(([name]) => (/^(date|dates|when)$/.test(name) ? date : 'x'));
      expect(translate(key as keyof typeof english, ...words), key).not.toMatch(/\.\./);
    }
  });

  it.each(FOLDERS)('%s fits the store: a name and a description Chrome accepts', (folder) => {
    const messages = messagesOf(folder);
    expect(messages.extensionName!.message).toContain('FluxImage');
    expect(messages.extensionName!.message.length).toBeLessThanOrEqual(75);
    expect(messages.extensionDescription!.message.length).toBeLessThanOrEqual(132);
  });
});

describe('counted phrases in the translations', () => {
  const translator = (folder: string) => createTranslator(messagesOf(folder) as LocaleMessages);

  // `#` stands for the count as the language writes it (1 000 000, 1.000.000, ١١); Arabic says
  // none, one and two in words.
  it.each([
    ['de', 1, '# Messwert seit'],
    ['de', 2, '# Messwerte seit'],
    ['fr', 0, '# relevé conservé'],
    ['fr', 2, '# relevés conservés'],
    ['fr', 1_000_000, '# de relevés conservés'],
    ['it', 1, '# rilevazione conservata'],
    ['it', 1_000_000, '# di rilevazioni conservate'],
    ['pt_BR', 0, '# leitura guardada'],
    ['pt_BR', 2, '# leituras guardadas'],
    ['nl', 1, '# meting bewaard'],
    ['pl', 0, '# odczytów'],
    ['pl', 1, '# odczyt od'],
    ['pl', 3, '# odczyty'],
    ['pl', 5, '# odczytów'],
    ['pl', 22, '# odczyty'],
    ['pl', 112, '# odczytów'],
    ['ja', 1, '記録 # 件'],
    ['zh_CN', 1, '保存了 # 条读数'],
    ['ko', 1, '측정값 #개'],
    ['ar', 0, 'لا توجد قراءة محفوظة'],
    ['ar', 1, 'قراءة واحدة محفوظة'],
    ['ar', 2, 'قراءتان محفوظتان'],
    ['ar', 3, '# قراءات محفوظة'],
    ['ar', 11, '# قراءةً محفوظة'],
    ['ar', 100, '# قراءة محفوظة'],
  ])('%s: %i readings kept says "%s"', (folder, count, words) => {
    const sentence = counted(translator(folder), tagOf(folder), 'historyKept', count, 'x');
    const expected = words.replace('#', formatCount(count, tagOf(folder)));
    expect(sentence.replace(/\s/g, ' ')).toContain(expected.replace(/\s/g, ' '));
  });
});
