import { browser } from 'wxt/browser';
import { t } from '@/lib/platform/i18n';

/**
 * The main action while FluxImage rejects the key: the options page, opened on that key's
 * field (`hash`: openOptionsPage cannot carry the hash that asks for it), then the popup closes.
 */
export function UpdateKeyButton({ hash }: { hash: string }) {
  const open = async () => {
    await browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}${hash}` });
    window.close();
  };
  return (
    <button type="button" class="primary" onClick={() => void open()}>
      {t('updateKey')}
    </button>
  );
}
