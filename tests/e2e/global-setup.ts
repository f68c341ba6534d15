import { buildFor, freePort } from '../../scripts/extension-harness';

/**
 * Builds the extension once for the run, pointed at the port the fake API will
 * listen on in the test worker.
 */
export default async function globalSetup() {
  const port = await freePort();
  process.env.FAKE_API_PORT = String(port);
  process.env.E2E_EXTENSION_DIR = buildFor(`http://127.0.0.1:${port}`, 'e2e');
  process.env.E2E_FIREFOX_EXTENSION_DIR = buildFor(`http://127.0.0.1:${port}`, 'e2e', 'firefox');
}
