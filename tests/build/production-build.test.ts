// @vitest-environment node
// The packages users install: built here exactly as `npm run zip` builds them.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '../..');
const OUTPUT = join(ROOT, '.output');
const manifest = (dir: string) => JSON.parse(readFileSync(join(OUTPUT, dir, 'manifest.json'), 'utf8'));

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function zipEntries(zip: string): string[] {
  return execFileSync('python3', [
    '-c',
    'import sys, zipfile; print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))',
    zip,
  ])
    .toString()
    .trim()
    .split('\n');
}

beforeAll(() => {
  // Exactly what ships: vitest's NODE_ENV=test would otherwise build a larger, non-production bundle.
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' };
  delete env.WXT_FLUXIMAGE_API_URL;
  execFileSync('npm', ['run', 'zip', '--silent'], { cwd: ROOT, env, stdio: 'pipe' });
}, 120_000);

describe('Chrome package', () => {
  it('asks only for storage, alarms, notifications, idle and fluximage.app', () => {
    const chrome = manifest('chrome-mv3');
    expect(chrome.manifest_version).toBe(3);
    // `idle` shows no install warning: Automatic uses it to check on a person's return.
    expect(chrome.permissions.toSorted()).toEqual(['alarms', 'idle', 'notifications', 'storage']);
    expect(chrome.host_permissions).toEqual(['https://fluximage.app/*']);
    expect(chrome.browser_specific_settings).toBeUndefined();
  });

  it('has a strict content security policy', () => {
    const csp: string = manifest('chrome-mv3').content_security_policy.extension_pages;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain('connect-src https://fluximage.app');
    expect(csp).not.toMatch(/unsafe-(eval|inline)|wasm-unsafe/);
  });

  it("names the toolbar button in the browser's language", () => {
    // The message, not the popup's English <title>: the browser translates __MSG_…__ in the manifest.
    expect(manifest('chrome-mv3').action.default_title).toBe('__MSG_extensionName__');
  });

  it('opens the popup with Alt+Shift+F', () => {
    expect(manifest('chrome-mv3').commands._execute_action.suggested_key.default).toBe('Alt+Shift+F');
  });

  it('contains no address but fluximage.app', () => {
    const code = filesUnder(join(OUTPUT, 'chrome-mv3'))
      .filter((path) => /\.(js|html|json)$/.test(path))
      .map((path) => readFileSync(path, 'utf8'))
      .join('\n');
    expect(code).not.toMatch(/127\.0\.0\.1|localhost/);
    expect(code).toContain('https://fluximage.app');
  });

  it('ships no test page, source map, test or source file', () => {
    const entries = zipEntries(join(OUTPUT, 'fluximage-companion-0.1.0-chrome.zip'));
    expect(entries).toContain('manifest.json');
    expect(entries).toContain('icon/16.png');
    expect(entries.filter((entry) => /blank\.html|-static\.html|bench|\.map$|\.tsx?$|tests\//.test(entry))).toEqual([]);
  });
});

describe('Firefox package', () => {
  it('is MV3 with fluximage.app as its one host permission, an event page and the add-on id set', () => {
    const firefox = manifest('firefox-mv3');
    expect(firefox.manifest_version).toBe(3);
    expect(firefox.permissions.toSorted()).toEqual(['alarms', 'idle', 'notifications', 'storage']);
    // Listed here (not as optional), Firefox 127+ shows it in the install prompt and grants it.
    expect(firefox.host_permissions).toEqual(['https://fluximage.app/*']);
    expect(firefox.optional_host_permissions).toBeUndefined();
    expect(firefox.browser_specific_settings.gecko).toMatchObject({
      id: 'companion@fluximage.app',
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['none'] },
    });
    expect(firefox.background).toEqual({ scripts: ['background.js'] });
    expect(firefox.background.persistent).toBeUndefined();
    expect(firefox.content_security_policy.extension_pages).toContain('connect-src https://fluximage.app');
    expect(firefox.commands._execute_action.suggested_key.default).toBe('Alt+Shift+F');
    expect(firefox.action.default_icon['16']).toBe('icon/16.png');
  });

  it("names the toolbar button in the browser's language", () => {
    expect(manifest('firefox-mv3').action.default_title).toBe('__MSG_extensionName__');
  });

  it('passes web-ext lint with no errors and only the warning the README explains', () => {
    let output: string;
    try {
      output = execFileSync(
        'npx',
        ['web-ext', 'lint', '--output', 'json', '--source-dir', join(OUTPUT, 'firefox-mv3')],
        {
          cwd: ROOT,
        },
      ).toString();
    } catch (error) {
      // web-ext exits non-zero when it finds errors; the JSON report is still on stdout.
      output = String((error as { stdout?: Buffer }).stdout ?? '');
    }
    const report = JSON.parse(output.slice(output.indexOf('{'))) as {
      errors: unknown[];
      warnings: { code: string; file: string }[];
    };
    expect(report.errors).toEqual([]);
    // Preact's renderer assigns innerHTML for dangerouslySetInnerHTML, which the extension never uses.
    expect(report.warnings.map((w) => w.code)).toEqual(['UNSAFE_VAR_ASSIGNMENT']);
  }, 60_000);

  it('comes with a sources zip a reviewer can build from', () => {
    const entries = zipEntries(join(OUTPUT, 'fluximage-companion-0.1.0-sources.zip'));
    for (const file of [
      'package.json',
      'package-lock.json',
      'wxt.config.ts',
      'README.md',
      'scripts/icon.svg',
      'lib/polling/poller.ts',
    ]) {
      expect(entries).toContain(file);
    }
    expect(entries.some((entry) => entry.startsWith('node_modules/') || entry.startsWith('.output/'))).toBe(false);
  });
});

describe('bundle budgets (gzip)', () => {
  it.each(['popup', 'options', 'background'] as const)('%s stays within its budget', async (entry) => {
    const { BUDGETS, measureEntries } = await import('../../scripts/bundle-sizes');
    const size = measureEntries(join(OUTPUT, 'chrome-mv3')).find((s) => s.entry === entry)!;
    expect(size.files.length).toBeGreaterThan(0);
    expect(size.js).toBeLessThanOrEqual(BUDGETS[entry].js);
    expect(size.css).toBeLessThanOrEqual(BUDGETS[entry].css);
  });

  it('bundles no language’s messages into any script: the chosen one is fetched from _locales', () => {
    const scripts = filesUnder(join(OUTPUT, 'chrome-mv3'))
      .filter((path) => path.endsWith('.js'))
      .map((path) => readFileSync(path, 'utf8'))
      .join('\n');
    for (const lang of readdirSync(join(ROOT, 'public/_locales'))) {
      const messages = JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8'));
      // Sentences only: a short word ("en", "ltr") may be in the code for other reasons. Written
      // without spaces (Japanese, Chinese), a sentence takes far fewer characters.
      const long = /^(ja|zh|ko)/.test(lang) ? 10 : 24;
      const sentences = Object.values<{ message: string }>(messages)
        .map(({ message }) => message)
        .filter((message) => message.length > long);
      expect(sentences.length, lang).toBeGreaterThan(50);
      expect(
        sentences.filter((sentence) => scripts.includes(sentence)),
        lang,
      ).toEqual([]);
    }
  });

  it('keeps Preact out of the service worker', () => {
    const worker = readFileSync(join(OUTPUT, 'chrome-mv3', 'background.js'), 'utf8');
    expect(worker).not.toMatch(/__H|createElement|preact/i);
  });
});
