import { browser } from 'wxt/browser';
import { accountHash } from '../account/options-hash';

/** Opens the usage page on `account` in a new tab; from the popup, the popup then closes. */
export async function openUsagePage(account: string, { closeWindow }: { closeWindow: boolean }): Promise<void> {
  const hash = accountHash(account, { replace: false });
  await browser.tabs.create({ url: `${browser.runtime.getURL('/usage.html')}${hash}` });
  if (closeWindow) window.close();
}
