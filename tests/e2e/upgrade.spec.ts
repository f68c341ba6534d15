import { execFileSync, execSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
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

/** A manifest `key` (an RSA public key, base64 DER): it fixes an unpacked extension's id. */
function extensionKey(): string {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
}

/** A copy of the build in `dir` with the manifest key `key` (and `version`, when given). */
function installable(dir: string, key: string, version?: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'fluximage-installed-'));
  cpSync(dir, folder, { recursive: true });
  const manifestPath = join(folder, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, key, ...(version && { version }) }));
  return folder;
}

test.describe.configure({ timeout: 180_000 });

test('an install that watched one key keeps it, its numbers and alerts as its first account', async ({ api }) => {
  api.reset();
  api.setUsage({ ia_credits_remaining: 90, ia_topup_credits: 0 });
  const release = buildRelease(SINGLE_KEY_COMMIT, api.origin);
  // Both builds carry one manifest key, so they are one extension (one id, one storage), as a store update is.
  const key = extensionKey();
  const oldFolder = installable(release.dir, key);
  const newFolder = installable(process.env.E2E_EXTENSION_DIR!, key, '99.0.0');
  try {
    const before = await launchExtension(oldFolder);
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
    // Gone as an old release is once the store has replaced it; the profile would load it again otherwise.
    rmSync(oldFolder, { recursive: true, force: true });
    // Loaded unpacked, Chromium would start the worker it cached for this id rather than the new
    // folder's (a store update registers the new one): drop that cache, as an update does.
    rmSync(join(before.userDataDir, 'Default', 'Service Worker'), { recursive: true, force: true });

    const requestsBefore = api.usageRequests().length;
    const relaunchedAt = Date.now();
    const after = await launchExtension(newFolder, { userDataDir: before.userDataDir });
    expect(after.id).toBe(before.id);
    try {
      await expect
        .poll(async () => (await storedData(after.context)).local.accounts)
        .toEqual([{ id: 'a0', name: null, addedAt: expect.any(Number) }]);
      const { local } = await storedData(after.context);
      expect(local.apiKey).toBe(KEY);
      expect(local.renewalDay).toBe(14);
      await expect.poll(async () => (await readBadge(after.context)).text).toBe('90');
      // Still low, already announced: no second notification for the same crossing.
      await expect.poll(() => api.usageRequests().length).toBeGreaterThan(requestsBefore);
      await expect
        .poll(async () => ((await storedData(after.context)).local.pollStatus as { checkedAt: number }).checkedAt)
        .toBeGreaterThanOrEqual(relaunchedAt);
      // Read since by the check, the shared settings are version 2: the renewal day is the account's now.
      expect((await storedData(after.context)).local.insightSettings).not.toHaveProperty('renewalDay');
      // The browser closed the old one with itself; no new one comes for the same crossing.
      expect(await shownNotifications(after.context)).toEqual([]);
      const popup = await after.context.newPage();
      await popup.goto(after.url('popup.html'));
      await expect(popup.getByText('90', { exact: false }).first()).toBeVisible();
      await expect(popup.getByRole('tablist')).toHaveCount(0);
    } finally {
      await after.close();
    }
  } finally {
    rmSync(oldFolder, { recursive: true, force: true });
    rmSync(newFolder, { recursive: true, force: true });
    release.cleanUp();
  }
});
