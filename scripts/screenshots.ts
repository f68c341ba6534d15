// `npm run screenshots`: store-listing images from the real extension with demo data, in
// English, Spanish, German, French, Japanese and Arabic, written to .output/store/:
//   (<lang> is en, es, de, fr, ja or ar)
//   chrome-web-store/  <lang>-toolbar.png, <lang>-low.png, <lang>-accounts.png, <lang>-options.png,
//                      <lang>-usage.png (the usage page's charts and periods) (1280×800)
//                      <lang>-promo-small.png (the small promo tile, 440×280)
//   firefox-amo/       the same but the promo tile (1280×800, Firefox's toolbar)
// The toolbar images draw a browser toolbar with the extension's icon and the badge the
// extension really set ("1k" in blue; "10" in amber for the low-credit image; for three accounts,
// the low one's "90" in red, since one key is rejected), the popup open under it.
// `npm run screenshots -- --readme` writes only docs/popup.png, README's top image;
// `-- --accounts` only the three-accounts images, `-- --usage` only the usage page's.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { sampleHistoryStorage } from '../tests/fake-api/sample-history';
import { DEMO_KEY, OTHER_KEY } from '../tests/support/keys';
import { THIRD_KEY, seedAccounts } from '../tests/e2e/accounts';
import { startFakeApi, type FakeApi } from '../tests/fake-api/server';
import { browsersOrExit } from './browsers';
import {
  ROOT,
  buildFor,
  extensionPage,
  launchExtension,
  readBadge,
  saveKeyInOptions,
  seedStorage,
  type Badge,
  type RunningExtension,
} from '../tests/support/extension';

const SCREENSHOT = { width: 1280, height: 800 };
const PROMO_TILE = { width: 440, height: 280 };
const outDir = join(ROOT, '.output', 'store');

interface Caption {
  title: string;
  text: string;
  lowTitle: string;
  lowText: string;
  accountsTitle: string;
  accountsText: string;
  tagline: string;
}

const CAPTIONS: Record<string, Caption> = {
  en: {
    accountsTitle: 'Every account at a glance',
    accountsText: 'Watch up to ten FluxImage accounts; the badge follows the one that needs you.',
    title: 'Your FluxImage AI credits, at a glance',
    text: 'On the toolbar badge, in the popup, and a warning before you run out.',
    lowTitle: 'Warned before you run out',
    lowText: 'The badge turns amber at your alert threshold, and a top-up is one click away.',
    tagline: 'AI credits at a glance',
  },
  es: {
    accountsTitle: 'Todas tus cuentas, de un vistazo',
    accountsText: 'Sigue hasta diez cuentas de FluxImage; el icono muestra la que te necesita.',
    title: 'Tus créditos de IA de FluxImage, de un vistazo',
    text: 'En el icono de la barra, en la ventana emergente y con un aviso antes de que se agoten.',
    lowTitle: 'Un aviso antes de quedarte sin créditos',
    lowText: 'El icono se vuelve ámbar en tu umbral de aviso, y recargar está a un clic.',
    tagline: 'Tus créditos de IA, de un vistazo',
  },
  de: {
    accountsTitle: 'Alle Konten auf einen Blick',
    accountsText: 'Bis zu zehn FluxImage-Konten im Blick; das Symbol zeigt das Konto, das Sie braucht.',
    title: 'Ihre FluxImage-KI-Credits auf einen Blick',
    text: 'Im Symbol der Symbolleiste, im Pop-up und mit einer Warnung, bevor sie ausgehen.',
    lowTitle: 'Gewarnt, bevor sie ausgehen',
    lowText: 'Das Symbol wird an Ihrer Warnschwelle gelb, und eine Aufladung ist einen Klick entfernt.',
    tagline: 'KI-Credits auf einen Blick',
  },
  fr: {
    accountsTitle: 'Tous vos comptes en un coup d’œil',
    accountsText: 'Suivez jusqu’à dix comptes FluxImage ; l’icône montre celui qui a besoin de vous.',
    title: 'Vos crédits IA FluxImage en un coup d’œil',
    text: 'Sur l’icône de la barre d’outils, dans la fenêtre et avec une alerte avant qu’ils ne s’épuisent.',
    lowTitle: 'Prévenu avant d’être à court',
    lowText: 'L’icône passe à l’ambre à votre seuil d’alerte, et une recharge est à un clic.',
    tagline: 'Vos crédits IA en un coup d’œil',
  },
  ja: {
    accountsTitle: 'すべてのアカウントをひと目で',
    accountsText: 'FluxImage アカウントを最大 10 件まで見守り、対応が必要なものをバッジが示します。',
    title: 'FluxImage の AI クレジットをひと目で',
    text: 'ツールバーのバッジとポップアップで確認でき、なくなる前にお知らせします。',
    lowTitle: 'なくなる前にお知らせ',
    lowText: '通知のしきい値でバッジが琥珀色になり、追加購入はワンクリックです。',
    tagline: 'AI クレジットをひと目で',
  },
  ar: {
    accountsTitle: 'كل حساباتك في لمحة',
    accountsText: 'تابع حتى عشرة حسابات FluxImage؛ تُظهر الشارة الحساب الذي يحتاج إليك.',
    title: 'أرصدة الذكاء الاصطناعي في FluxImage في لمحة',
    text: 'على شارة شريط الأدوات وفي النافذة المنبثقة، مع تنبيه قبل أن تنفد.',
    lowTitle: 'تنبيه قبل أن تنفد أرصدتك',
    lowText: 'تتحول الشارة إلى اللون الكهرماني عند حد التنبيه، والشحن على بُعد نقرة.',
    tagline: 'أرصدة الذكاء الاصطناعي في لمحة',
  },
};

/** The languages the store images are made in. */
const STORE_LANGUAGES = Object.keys(CAPTIONS);

/** How each browser's toolbar is drawn: just enough to be recognised, no vendor artwork. */
const SKINS = {
  chrome: {
    tabStrip: '#dee1e6',
    tab: '#ffffff',
    toolbar: '#ffffff',
    field: '#f1f3f4',
    fieldBorder: '#f1f3f4',
    radius: 20,
  },
  firefox: {
    tabStrip: '#f0f0f4',
    tab: '#ffffff',
    toolbar: '#f9f9fb',
    field: '#ffffff',
    fieldBorder: '#cfcfd8',
    radius: 6,
  },
} as const;
type Skin = keyof typeof SKINS;

const rgb = ([r, g, b]: Badge['color']) => `rgb(${r}, ${g}, ${b})`;
const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

/** The popup as it renders, at twice the pixels so it stays sharp when scaled up. */
async function popupPng(extension: RunningExtension): Promise<{ png: Buffer; height: number }> {
  const popup = await extension.context.newPage();
  await popup.goto(extension.url('popup.html'));
  await popup.locator('.credits').waitFor();
  await settleRefresh(extension.context, popup);
  // The forecast and the 30-day line are drawn once the stored block is read.
  await popup.locator('.insights[aria-busy=false]').waitFor();
  await popup.setViewportSize({ width: 320, height: 100 });
  const height = await popup.evaluate(() => document.documentElement.scrollHeight);
  await popup.setViewportSize({ width: 320, height });
  const cdp = await extension.context.newCDPSession(popup);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 320, height, deviceScaleFactor: 2, mobile: false });
  const png = await popup.screenshot();
  await popup.close();
  return { png, height };
}

/**
 * The popup just checked, so Refresh reads "Refresh at 4:51:37 PM" for 30 s. Once its own
 * check has landed, the stored check is moved a minute back, as if the picture were taken a
 * minute later: Refresh then shows its usual label.
 */
async function settleRefresh(context: BrowserContext, popup: Page) {
  await popup.locator('.refresh[aria-busy=false]').waitFor();
  const page = await extensionPage(context);
  await page.evaluate(async () => {
    type Local = {
      get(key: string): Promise<Record<string, { checkedAt: number } | undefined>>;
      set(value: object): Promise<void>;
    };
    const { local } = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage;
    const { pollStatus } = await local.get('pollStatus');
    if (pollStatus) await local.set({ pollStatus: { ...pollStatus, checkedAt: pollStatus.checkedAt - 60_000 } });
  });
  await popup.locator('.refresh:not([disabled])').waitFor();
}

/** The extension's icon with its badge, the way a browser draws them on the toolbar (at `size` px). */
function iconWithBadge(icon: string, size: number, color: Badge['color'], badgeShare = 0.4): string {
  const font = Math.round(size * badgeShare);
  return `<span style="position:relative;display:inline-block;width:${size}px;height:${size}px">
    <img alt="" src="${icon}" style="width:${size}px;height:${size}px">
    <span data-badge style="position:absolute;right:${-size * 0.22}px;bottom:${-size * 0.12}px;min-width:${font + 4}px;padding:0 ${font * 0.25}px;height:${font * 1.35}px;line-height:${font * 1.35}px;border-radius:${font * 0.3}px;background:${rgb(color)};color:#fff;font:700 ${font}px/1 system-ui,sans-serif;text-align:center;box-shadow:0 0 0 ${Math.max(1, size / 16)}px #fff"></span>
  </span>`;
}

/** A browser toolbar strip, `width` wide, with the icon and badge near its right end. */
function toolbar(skin: Skin, icon: string, badge: Badge, width: number, scale: number): string {
  const s = SKINS[skin];
  const u = (n: number) => `${Math.round(n * scale)}px`;
  const glyph = (text: string) =>
    `<span style="color:#5f6368;font-size:${u(18)};width:${u(24)};text-align:center">${text}</span>`;
  return `<div style="width:${width}px;font-family:system-ui,sans-serif">
    <div style="height:${u(34)};background:${s.tabStrip};display:flex;align-items:flex-end;padding-left:${u(8)}">
      <div style="height:${u(28)};width:${u(220)};background:${s.tab};border-radius:${u(8)} ${u(8)} 0 0;display:flex;align-items:center;gap:${u(8)};padding:0 ${u(12)};font-size:${u(12)};color:#3c4043">
        <img alt="" src="${icon}" style="width:${u(16)};height:${u(16)}"><span data-tab></span>
      </div>
    </div>
    <div style="height:${u(44)};background:${s.toolbar};display:flex;align-items:center;gap:${u(10)};padding:0 ${u(12)};border-bottom:1px solid #d5d7db">
      ${glyph('←')}${glyph('→')}${glyph('↻')}
      <div style="flex:1;height:${u(30)};border-radius:${u(s.radius)};background:${s.field};border:1px solid ${s.fieldBorder};display:flex;align-items:center;padding:0 ${u(14)};font-size:${u(13)};color:#3c4043">fluximage.app</div>
      <span style="margin:0 ${u(10)}">${iconWithBadge(icon, Math.round(22 * scale), badge.color)}</span>
      ${glyph('⋮')}
    </div>
  </div>`;
}

async function render(
  context: BrowserContext,
  size: { width: number; height: number },
  html: string,
  texts: Record<string, string>,
  path: string,
) {
  const page = await context.newPage();
  await page.setViewportSize(size);
  await page.setContent(`<!doctype html><html><body style="margin:0">${html}</body></html>`);
  // Text goes in as text, never as markup.
  for (const [name, text] of Object.entries(texts)) {
    await page
      .locator(`[data-${name}]`)
      .evaluateAll((els, value) => els.forEach((el) => (el.textContent = value)), text);
  }
  await page.screenshot({ path, clip: { x: 0, y: 0, ...size } });
  await page.close();
  console.log(path);
}

/** A 1280×800 store screenshot: toolbar with the badge, the popup open under it, a caption beside. */
async function toolbarShot(
  context: BrowserContext,
  skin: Skin,
  popup: { png: Buffer; height: number },
  icon: string,
  badge: Badge,
  caption: { title: string; text: string },
  path: string,
) {
  const bar = 2; // the toolbar drawn at 2×, so the badge reads at listing size
  const top = Math.round(78 * bar);
  const scale = Math.min(1.35, (SCREENSHOT.height - top - 28) / popup.height);
  const popupWidth = Math.round(320 * scale);
  // The popup hangs from the icon, as browsers open it.
  const iconRight = Math.round((12 + 10 + 24 + 10) * bar);
  const html = `<div style="position:relative;width:1280px;height:800px;overflow:hidden;background:linear-gradient(135deg,#e8efff,#f7f9fc)">
    ${toolbar(skin, icon, badge, SCREENSHOT.width, bar)}
    <div style="position:absolute;left:88px;top:${top + 150}px;width:${1280 - popupWidth - iconRight - 200}px;color:#14213d;font-family:system-ui,sans-serif">
      <h1 data-title dir="auto" style="font-size:44px;line-height:1.15;margin:0 0 20px"></h1>
      <p data-text dir="auto" style="font-size:22px;line-height:1.5;margin:0;color:#3b4a66"></p>
    </div>
    <img alt="" src="${dataUrl(popup.png)}" style="position:absolute;top:${top + 6}px;right:${iconRight - 12}px;width:${popupWidth}px;border-radius:10px;box-shadow:0 18px 50px rgba(20,33,61,.28)">
  </div>`;
  await render(
    context,
    SCREENSHOT,
    html,
    { title: caption.title, text: caption.text, tab: 'FluxImage', badge: badge.text },
    path,
  );
}

/** The Chrome Web Store's small promo tile: icon with its badge, the name and one line. */
async function promoTile(context: BrowserContext, icon: string, badge: Badge, tagline: string, path: string) {
  const html = `<div style="width:440px;height:280px;display:flex;align-items:center;gap:36px;padding:0 36px;box-sizing:border-box;background:linear-gradient(135deg,#e8efff,#f7f9fc);font-family:system-ui,sans-serif;color:#14213d">
    ${iconWithBadge(icon, 96, badge.color, 0.3)}
    <div><p style="margin:0 0 10px;font-size:30px;font-weight:700;line-height:1.1">FluxImage Companion</p><p data-tagline dir="auto" style="margin:0;font-size:18px;line-height:1.35;color:#3b4a66"></p></div>
  </div>`;
  await render(context, PROMO_TILE, html, { tagline, badge: badge.text }, path);
}

/** README's top image: the toolbar's right end with the badge, and the popup under it (at 1.25×). */
async function readmeShot(context: BrowserContext, popup: { png: Buffer; height: number }, icon: string, badge: Badge) {
  const bar = 1.5;
  const scale = 1.25;
  const width = 540;
  const top = Math.round(78 * bar);
  const height = top + 6 + Math.round(popup.height * scale) + 24;
  const iconRight = Math.round((12 + 10 + 24 + 10) * bar);
  const html = `<div style="position:relative;width:${width}px;height:${height}px;background:#f7f9fc">
    ${toolbar('chrome', icon, badge, width, bar)}
    <img alt="" src="${dataUrl(popup.png)}" style="position:absolute;top:${top + 6}px;right:${iconRight - 12}px;width:${Math.round(320 * scale)}px;border-radius:10px;box-shadow:0 12px 36px rgba(20,33,61,.25)">
  </div>`;
  await render(
    context,
    { width, height },
    html,
    { tab: 'FluxImage', badge: badge.text },
    join(ROOT, 'docs', 'popup.png'),
  );
}

/** Fires the poll alarm until the badge reads `text`. */
async function pollUntilBadge(context: BrowserContext, text: string): Promise<Badge> {
  const page: Page = await extensionPage(context);
  for (let tries = 0; tries < 50; tries += 1) {
    await page.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { alarms: { create(n: string, i: object): Promise<void> } };
      };
      await chrome.alarms.create('poll-usage', { when: Date.now() });
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const badge = await readBadge(context);
    if (badge.text === text) return badge;
  }
  throw new Error(`The badge never showed "${text}"`);
}

/** The usage page of the first account as it renders at 1280×800, for both stores. */
async function usageImages(extension: RunningExtension, lang: string) {
  const page = await extension.context.newPage();
  await page.setViewportSize(SCREENSHOT);
  await page.goto(extension.url('usage.html#account=a0'));
  await page.locator('table.periods').waitFor();
  // Zoomed out a little, so the picture reaches from the charts to the billing periods.
  await page.evaluate(() => (document.documentElement.style.zoom = '0.8'));
  for (const store of ['chrome-web-store', 'firefox-amo']) {
    mkdirSync(join(outDir, store), { recursive: true });
    const path = join(outDir, store, `${lang}-usage.png`);
    await page.screenshot({ path });
    console.log(path);
  }
  await page.close();
}

/** Only the usage page's images: a month of history and the demo key, nothing else drawn. */
async function usageOnly(api: FakeApi, dir: string, lang: string) {
  api.reset();
  const extension = await launchExtension(dir, { lang });
  try {
    await seedStorage(extension.context, sampleHistoryStorage(Date.now()));
    await saveKeyInOptions(extension, DEMO_KEY);
    await pollUntilBadge(extension.context, '1k');
    await usageImages(extension, lang);
  } finally {
    await extension.close();
  }
}

async function storeImages(api: FakeApi, dir: string, lang: string, icons: { small: string; large: string }) {
  api.reset();
  const extension = await launchExtension(dir, { lang });
  const { context } = extension;
  const caption = CAPTIONS[lang]!;
  try {
    // A month of readings, so the pictures show the forecast and the 30-day line.
    await seedStorage(context, sampleHistoryStorage(Date.now()));
    const options = await saveKeyInOptions(extension, DEMO_KEY);
    const normal = await pollUntilBadge(context, '1k');
    const popup = await popupPng(extension);
    for (const [store, skin] of [
      ['chrome-web-store', 'chrome'],
      ['firefox-amo', 'firefox'],
    ] as const) {
      mkdirSync(join(outDir, store), { recursive: true });
      await toolbarShot(context, skin, popup, icons.small, normal, caption, join(outDir, store, `${lang}-toolbar.png`));
    }
    await promoTile(
      context,
      icons.large,
      normal,
      caption.tagline,
      join(outDir, 'chrome-web-store', `${lang}-promo-small.png`),
    );
    await options.setViewportSize(SCREENSHOT);
    for (const store of ['chrome-web-store', 'firefox-amo']) {
      const path = join(outDir, store, `${lang}-options.png`);
      await options.screenshot({ path });
      console.log(path);
    }
    await usageImages(extension, lang);

    // Ten credits left: at the default threshold (10% of 1,000), so the badge turns amber.
    api.setUsage({ ia_credits_used: 990, ia_topup_credits: 0, ia_credits_remaining: 10 });
    const low = await pollUntilBadge(context, '10');
    const lowPopup = await popupPng(extension);
    const lowCaption = { title: caption.lowTitle, text: caption.lowText };
    for (const [store, skin] of [
      ['chrome-web-store', 'chrome'],
      ['firefox-amo', 'firefox'],
    ] as const) {
      await toolbarShot(context, skin, lowPopup, icons.small, low, lowCaption, join(outDir, store, `${lang}-low.png`));
    }
  } finally {
    await extension.close();
  }
}

/** The popup with three accounts (a healthy one shown, a low one, a rejected key), for both stores. */
async function accountsImages(api: FakeApi, dir: string, lang: string, icon: string) {
  api.reset();
  const extension = await launchExtension(dir, { lang });
  const caption = CAPTIONS[lang]!;
  try {
    // The shown account's month of readings, so the picture has its forecast and 30-day line.
    await seedStorage(extension.context, { ...sampleHistoryStorage(Date.now()), popupAccount: 'a0' });
    await seedAccounts(
      extension,
      [
        { name: 'Studio', key: DEMO_KEY },
        {
          name: 'Client B',
          key: OTHER_KEY,
          usage: { ia_credits_used: 910, ia_topup_credits: 0, ia_credits_remaining: 90 },
        },
        { name: 'Client C', key: THIRD_KEY, rejected: true },
      ],
      api,
    );
    const badge = await readBadge(extension.context);
    const popup = await popupPng(extension);
    const words = { title: caption.accountsTitle, text: caption.accountsText };
    for (const [store, skin] of [
      ['chrome-web-store', 'chrome'],
      ['firefox-amo', 'firefox'],
    ] as const) {
      mkdirSync(join(outDir, store), { recursive: true });
      await toolbarShot(
        extension.context,
        skin,
        popup,
        icon,
        badge,
        words,
        join(outDir, store, `${lang}-accounts.png`),
      );
    }
  } finally {
    await extension.close();
  }
}

browsersOrExit(['chromium']);
const readme = process.argv.includes('--readme');
const api = await startFakeApi();
const dir = buildFor(api.origin, 'demo');
const icon = (size: number) => dataUrl(readFileSync(join(dir, 'icon', `${size}.png`)));
const icons = { small: icon(32), large: icon(128) };
try {
  if (readme) {
    const extension = await launchExtension(dir, { lang: 'en' });
    try {
      await seedStorage(extension.context, sampleHistoryStorage(Date.now()));
      await saveKeyInOptions(extension, DEMO_KEY);
      const badge = await pollUntilBadge(extension.context, '1k');
      await readmeShot(extension.context, await popupPng(extension), icons.small, badge);
    } finally {
      await extension.close();
    }
  } else {
    const only = process.argv.includes('--accounts');
    const usage = process.argv.includes('--usage');
    for (const lang of STORE_LANGUAGES) {
      if (usage) await usageOnly(api, dir, lang);
      else {
        if (!only) await storeImages(api, dir, lang, icons);
        await accountsImages(api, dir, lang, icons.small);
      }
    }
  }
} finally {
  await api.close();
}
