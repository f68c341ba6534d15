import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
const STYLESHEETS = [
  'components/theme.css',
  ...['popup', 'options'].flatMap((page) =>
    readdirSync(join(ROOT, 'entrypoints', page))
      .filter((name) => name.endsWith('.css'))
      .map((name) => `entrypoints/${page}/${name}`),
  ),
];

/** A rule's declarations without comments, as `property: value` pairs. */
const declarations = (css: string) =>
  [...css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([a-z-]+)\s*:\s*([^;{}]+);/g)].map(([, p, v]) => [p!, v!.trim()]);

/** What does not mirror in a right-to-left page: physical sides, and shorthands naming four. */
const physical = ([property, value]: string[]) =>
  /(^|-)(left|right)(-|$)/.test(property!) ||
  (/^(text-align|float|clear)$/.test(property!) && /\b(left|right)\b/.test(value!)) ||
  (/^(margin|padding|inset|border-width|border-style|border-color|border-radius)$/.test(property!) &&
    value!.split(/\s+/).length === 4);

describe('right to left', () => {
  it('finds the stylesheets', () => {
    expect(STYLESHEETS).toEqual(
      expect.arrayContaining([
        'components/theme.css',
        'entrypoints/popup/popup.css',
        'entrypoints/options/options.css',
      ]),
    );
  });

  it.each(STYLESHEETS)('%s says start and end, not left and right, so an Arabic page mirrors', (path) => {
    const offenders = declarations(readFileSync(join(ROOT, path), 'utf8')).filter(physical);
    expect(offenders).toEqual([]);
  });

  it('keeps the 30-day line running left to right in every language', () => {
    const css = readFileSync(join(ROOT, 'components/theme.css'), 'utf8');
    expect(css).toMatch(/\.sparkline \{[^}]*direction: ltr;/);
  });

  it('knows the rule it checks by: it finds the physical ones', () => {
    const sample = 'a { margin-left: 4px; text-align: right; padding: 1px 2px 3px 4px; border-top-right-radius: 2px; }';
    expect(declarations(sample).filter(physical)).toHaveLength(4);
    expect(
      declarations('a { margin-inline-start: 4px; padding: 1px 2px; text-align: start; }').filter(physical),
    ).toEqual([]);
  });
});
