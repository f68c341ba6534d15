// `npm run demo`: the extension, live, against the fake FluxImage API with a demo
// key saved. With a display it opens Chromium and keeps running; without one it
// runs headless and saves screenshots under .output/demo/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO_KEY } from '../tests/support/keys';
import { startFakeApi } from '../tests/fake-api/server';
import { browsersOrExit, hasDisplay } from './browsers';
import { sampleHistoryStorage } from '../tests/fake-api/sample-history';
import { ROOT, buildFor, launchExtension, readBadge, saveKeyInOptions, seedStorage } from '../tests/support/extension';

const headless = !hasDisplay();
const outDir = join(ROOT, '.output', 'demo');

async function shoot(page: Page, name: string, width: number) {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.setViewportSize({ width, height: 200 });
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize({ width, height });
    const path = join(outDir, `${name}-${scheme}.png`);
    await page.screenshot({ path });
    console.log(`  ${path}`);
  }
}

// The browser first: a missing one is reported (or installed) before a minute of building.
browsersOrExit(['chromium']);
const api = await startFakeApi();
console.log(`Fake FluxImage API on ${api.origin}`);
console.log('Building the extension against it…');
const extension = await launchExtension(buildFor(api.origin, 'demo'), { headless });

// A month of believable readings, so the forecast and the 30-day line have something to show.
await seedStorage(extension.context, sampleHistoryStorage(Date.now()));
const options = await saveKeyInOptions(extension, DEMO_KEY);
const badge = await readBadge(extension.context);
console.log(`Demo key saved. Badge: "${badge.text}" — ${badge.title.split('\n')[0]}`);

const popup = await extension.context.newPage();
await popup.goto(extension.url('popup.html'));
await popup.getByRole('img', { name: /^AI credits left over the last 30 days/ }).waitFor();

if (headless) {
  mkdirSync(outDir, { recursive: true });
  console.log('No display: screenshots saved to');
  await shoot(popup, 'popup', 320);
  await shoot(options, 'options', 720);
  await extension.close();
  await api.close();
} else {
  console.log('Click the FluxImage icon in the toolbar (pin it from the puzzle menu). Ctrl+C to stop.');
  const stop = async () => {
    await extension.close();
    await api.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  extension.context.on('close', () => void stop());
}
