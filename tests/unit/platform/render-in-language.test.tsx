import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { useState } from 'preact/hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderInLanguage } from '@/components/render-in-language';
import { readFirst } from '@/lib/platform/first-read';
import { showLanguage, t } from '@/lib/platform/i18n';
import { languageItem } from '@/lib/platform/language';

const LOCALES = join(__dirname, '../../../public/_locales');
let fetched: string[] = [];

beforeEach(() => {
  fetched = [];
  vi.stubGlobal('fetch', async (url: string) => {
    fetched.push(url);
    const code = /_locales\/([^/]+)\//.exec(url)![1]!;
    return new Response(readFileSync(join(LOCALES, code, 'messages.json'), 'utf8'));
  });
});

afterEach(async () => {
  vi.unstubAllGlobals();
  await showLanguage(null);
  document.body.replaceChildren();
});

/** A page part with state of its own, worded when drawn. */
function Part({ locale }: { locale: string }) {
  const [opened] = useState(() => t('saved'));
  return (
    <p>
      {opened} · {t('refresh')} · {new Intl.NumberFormat(locale).format(1080)}
    </p>
  );
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

async function page() {
  const root = document.createElement('div');
  document.body.append(root);
  await renderInLanguage(await readFirst(), root, (locale) => <Part locale={locale} />, 'optionsTitle');
  return root;
}

describe('a page drawn in the chosen language', () => {
  it('has the chosen words, numbers, lang and title in its first frame', async () => {
    await languageItem.set('es');
    const root = await page();
    expect(root.textContent).toBe('Guardado · Actualizar · 1080');
    expect(document.documentElement.lang).toBe('es');
    expect(document.title).toBe('Ajustes de FluxImage Companion');
  });

  it('is drawn again from scratch when the setting changes, no old word kept in state', async () => {
    const root = await page();
    expect(root.textContent).toBe('Saved · Refresh · 1,080');
    expect(fetched).toEqual([]);
    await languageItem.set('es');
    await settle();
    expect(root.textContent).toBe('Guardado · Actualizar · 1080');
    expect(document.documentElement).toMatchObject({ lang: 'es', dir: 'ltr' });
    await languageItem.set('browser');
    await settle();
    expect(root.textContent).toBe('Saved · Refresh · 1,080');
    expect(fetched).toHaveLength(1);
  });
});
