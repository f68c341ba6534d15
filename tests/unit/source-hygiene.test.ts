import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(tsx?|html)$/.test(name) ? [path] : [];
  });
}

const shipped = ['entrypoints', 'components', 'lib'].flatMap((dir) => files(join(ROOT, dir)));

describe('code that ships in the extension', () => {
  it.each([
    ['console output (the key must never reach a log)', /\bconsole\./],
    ['innerHTML with data', /innerHTML|dangerouslySetInnerHTML|outerHTML|insertAdjacentHTML/],
    ['eval or the Function constructor', /\beval\(|new Function\(/],
    ['storage.sync', /storage\.sync|['"]sync:/],
    ['remote scripts', /<script[^>]+src=["']https?:/],
  ])('has no %s', (_, pattern) => {
    const offenders = shipped.filter((path) => pattern.test(readFileSync(path, 'utf8'))).map((p) => relative(ROOT, p));
    expect(offenders).toEqual([]);
  });

  it('links to no FluxImage page but the dashboard, the one FluxImage documents (and the API origin)', () => {
    const addresses = shipped.flatMap((path) =>
      [...readFileSync(path, 'utf8').matchAll(/https?:\/\/(?:[\w-]+\.)*fluximage\.app[^'"`\s)]*/g)].map((m) => m[0]),
    );
    expect(new Set(addresses)).toEqual(new Set(['https://fluximage.app', 'https://fluximage.app/']));
  });

  it('touches `browser` only in entrypoints and lib/platform/', () => {
    const offenders = shipped
      .map((path) => relative(ROOT, path))
      .filter((path) => path.startsWith('lib/') || path.startsWith('components/'))
      .filter((path) => !path.startsWith('lib/platform/'))
      .filter((path) => /from 'wxt\/browser'/.test(readFileSync(join(ROOT, path), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
