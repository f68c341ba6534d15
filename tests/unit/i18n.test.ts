import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import english from '../../public/_locales/en/messages.json';
import spanish from '../../public/_locales/es/messages.json';
import { createTranslator } from '@/lib/i18n';

const ROOT = join(__dirname, '../..');

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

  it.each(Object.keys(english))('message %s is used in the code', (key) => {
    expect(code).toMatch(new RegExp(`['"_]${key}['"_]`));
  });

  it('every message the code asks for exists', () => {
    const asked = [...code.matchAll(/\bt\(\s*'([A-Za-z]+)'/g)].map((m) => m[1]);
    expect(asked.length).toBeGreaterThan(20);
    for (const key of asked) expect(english, key).toHaveProperty(key!);
  });

  it('substitutes placeholders the way the browser does', () => {
    const es = createTranslator(spanish);
    expect(es('connected', 'Pro', '1.080')).toBe('Conectado: plan Pro, quedan 1.080 créditos de IA.');
  });
});
