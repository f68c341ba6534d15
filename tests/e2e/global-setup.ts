import { ensureBrowsers, systemDeps } from '../../scripts/browsers';
import { buildFor, freePort } from '../support/extension';

/**
 * Finds (or installs) Chromium and Firefox once for the run, so a missing browser
 * fails here with one message rather than in every test; then builds the extension
 * once, pointed at the port the fake API will listen on in the test worker.
 */
export default async function globalSetup() {
  const browsers = ensureBrowsers(['chromium', 'firefox'], systemDeps());
  // The workers inherit this environment: they launch exactly these browsers.
  process.env.CHROMIUM_PATH = browsers.chromium;
  process.env.FIREFOX_PATH = browsers.firefox;
  const port = await freePort();
  process.env.FAKE_API_PORT = String(port);
  process.env.E2E_EXTENSION_DIR = buildFor(`http://127.0.0.1:${port}`, 'e2e');
  process.env.E2E_FIREFOX_EXTENSION_DIR = buildFor(`http://127.0.0.1:${port}`, 'e2e', 'firefox');
}
