// `npm run screenshots`: store-listing screenshots (1280×800) of the popup and the
// options page with demo data, in English and Spanish, written to .output/store/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from '@playwright/test';
import { startFakeApi } from '../tests/fake-api/server';
import { browsersOrExit } from './browsers';
import { ROOT, buildFor, launchExtension, saveKeyInOptions, type RunningExtension } from './extension-harness';

const DEMO_KEY = `flx_live_${'7c1e'.repeat(10)}`;
const SIZE = { width: 1280, height: 800 };
const outDir = join(ROOT, '.output', 'store');

const CAPTIONS: Record<string, { title: string; text: string }> = {
  en: {
    title: 'Your FluxImage AI credits, at a glance',
    text: 'On the toolbar badge, in the popup, and a warning before you run out.',
  },
  es: {
    title: 'Tus créditos de IA de FluxImage, de un vistazo',
    text: 'En el icono de la barra, en la ventana emergente y con un aviso antes de que se agoten.',
  },
};

/** The popup as the toolbar shows it, set on a 1280×800 canvas with a caption. */
async function popupShot(context: BrowserContext, extension: RunningExtension, lang: string, path: string) {
  const popup = await context.newPage();
  await popup.goto(extension.url('popup.html'));
  await popup.locator('.credits').waitFor();
  await popup.setViewportSize({ width: 320, height: 100 });
  const height = await popup.evaluate(() => document.documentElement.scrollHeight);
  await popup.setViewportSize({ width: 320, height });
  const png = await popup.screenshot();
  await popup.close();

  const canvas = await context.newPage();
  await canvas.setViewportSize(SIZE);
  const caption = CAPTIONS[lang]!;
  const scale = Math.min(1.5, 720 / height);
  await canvas.setContent(`<!doctype html><html lang="${lang}"><body style="margin:0;width:1280px;height:800px;display:flex;align-items:center;justify-content:center;gap:72px;background:linear-gradient(135deg,#e8efff,#f7f9fc);font-family:system-ui,sans-serif">
    <div style="max-width:460px;color:#14213d"><h1 style="font-size:44px;line-height:1.15;margin:0 0 20px"></h1><p style="font-size:22px;line-height:1.5;margin:0;color:#3b4a66"></p></div>
    <img alt="" style="width:${Math.round(320 * scale)}px;border-radius:16px;box-shadow:0 24px 60px rgba(20,33,61,.25)" src="data:image/png;base64,${png.toString('base64')}">
  </body></html>`);
  await canvas.locator('h1').evaluate((el, text) => (el.textContent = text), caption.title);
  await canvas.locator('p').evaluate((el, text) => (el.textContent = text), caption.text);
  await canvas.screenshot({ path });
  await canvas.close();
}

browsersOrExit(['chromium']);
mkdirSync(outDir, { recursive: true });
const api = await startFakeApi();
const dir = buildFor(api.origin, 'demo');
for (const lang of ['en', 'es']) {
  api.reset();
  api.setUsage({ ia_credits_used: 880, ia_topup_credits: 0, ia_credits_remaining: 120 });
  const extension = await launchExtension(dir, { lang });
  try {
    const options = await saveKeyInOptions(extension, DEMO_KEY);
    await popupShot(extension.context, extension, lang, join(outDir, `${lang}-popup.png`));
    await options.setViewportSize(SIZE);
    await options.screenshot({ path: join(outDir, `${lang}-options.png`) });
    console.log(`${join(outDir, `${lang}-popup.png`)}\n${join(outDir, `${lang}-options.png`)}`);
  } finally {
    await extension.close();
  }
}
await api.close();
