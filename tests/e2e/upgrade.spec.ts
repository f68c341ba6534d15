import { execFileSync, execSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchExtension, readBadge, ROOT, saveKeyInOptions, shownNotifications } from '../support/extension';
import { expect, KEY, storedData, test } from './fixtures';

/**
 * The last release that watched one key (README: "Upgrading"). Built from the repository's
 * own history, so the test needs a clone with it (CI clones the whole of `main`).
 */
const SINGLE_KEY_COMMIT = '2fc8ffcceb0c2ff86bc8a51ba3bc111948ee4195';

/** Builds `commit` as the e2e build is built (pointed at the fake API); returns its folder. */
function buildRelease(commit: string, origin: string): { dir: string; cleanUp: () => void } {
  const source = mkdtempSync(join(tmpdir(), 'fluximage-release-'));
  try {
    execSync(`git archive ${commit} | tar -x -C ${JSON.stringify(source)}`, { cwd: ROOT, stdio: 'pipe' });
  } catch {
    throw new Error(`The upgrade test builds commit ${commit}, which this clone does not have: clone with history.`);
  }
  symlinkSync(join(ROOT, 'node_modules'), join(source, 'node_modules'));
  execFileSync('npx', ['wxt', 'build', '--mode', 'e2e', '--browser', 'chrome'], {
    cwd: source,
    env: { ...process.env, WXT_FLUXIMAGE_API_URL: origin },
    stdio: 'pipe',
  });
  return { dir: join(source, '.output', 'chrome-mv3-e2e'), cleanUp: () => rmSync(source, { recursive: true }) };
}

test.describe.configure({ timeout: 180_000 });

test('an install that watched one key keeps it, its numbers and alerts as its first account', async ({ api }) => {
  api.reset();
  api.setUsage({ ia_credits_remaining: 90, ia_topup_credits: 0 });
  const release = buildRelease(SINGLE_KEY_COMMIT, api.origin);
  // The unpacked extension keeps its id (and its storage) as long as it is loaded from the same folder.
  const folder = mkdtempSync(join(tmpdir(), 'fluximage-installed-'));
  cpSync(release.dir, folder, { recursive: true });
  try {
    const before = await launchExtension(folder);
    await saveKeyInOptions(before, KEY);
    await expect.poll(async () => (await readBadge(before.context)).text).toBe('90');
    await before.worker.evaluate(async () => {
      const { chrome } = globalThis as unknown as {
        chrome: { storage: { local: { set(v: object): Promise<void> } } };
      };
      await chrome.storage.local.set({
        insightSettings: {
          renewalDay: 14,
          notify: { runOut: true, compressionsUsedUp: true, keyRejected: true, creditsBack: false },
          badge: 'credits',
          checkEveryMinutes: 15,
        },
        insightSettings$: { v: 1 },
      });
    });
    const alerted = await shownNotifications(before.context);
    expect(alerted).toEqual(['fluximage-credits']);
    await before.close({ keepProfile: true });

    rmSync(folder, { recursive: true });
    cpSync(process.env.E2E_EXTENSION_DIR!, folder, { recursive: true });
    // A store update always carries a higher version; only then does the browser start the new worker.
    const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')) as { version: string };
    writeFileSync(join(folder, 'manifest.json'), JSON.stringify({ ...manifest, version: '99.0.0' }));
    const requestsBefore = api.usageRequests().length;
    const after = await launchExtension(folder, { userDataDir: before.userDataDir });
    const restarted = after.context.waitForEvent('serviceworker');
    await after.worker.evaluate(() => (globalThis as any).chrome.runtime.reload());
    const worker = await restarted;
    await new Promise((r) => setTimeout(r, 3000));
    console.log(
      'DEBUG',
      await worker.evaluate(async () =>
        JSON.stringify(Object.keys(await (globalThis as any).chrome.storage.local.get(null))),
      ),
      after.context.serviceWorkers().length,
    );
    try {
      await expect
        .poll(async () => (await storedData(after.context)).local.accounts)
        .toEqual([{ id: 'a0', name: null, addedAt: expect.any(Number) }]);
      const { local } = await storedData(after.context);
      expect(local.apiKey).toBe(KEY);
      expect(local.renewalDay).toBe(14);
      expect(local.insightSettings).not.toHaveProperty('renewalDay');
      await expect.poll(async () => (await readBadge(after.context)).text).toBe('90');
      // Still low, already announced: no second notification for the same crossing.
      await expect.poll(() => api.usageRequests().length).toBeGreaterThan(requestsBefore);
      expect(await shownNotifications(after.context)).toEqual(alerted);
      const popup = await after.context.newPage();
      await popup.goto(after.url('popup.html'));
      await expect(popup.getByText('90', { exact: false }).first()).toBeVisible();
      await expect(popup.getByRole('tablist')).toHaveCount(0);
    } finally {
      await after.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
    release.cleanUp();
  }
});
