import { browser } from 'wxt/browser';
import { t } from '@/lib/platform/i18n';
import { UPDATE_KEY_HASH } from '@/lib/account/config';

/**
 * The main action while FluxImage rejects the key: the options page, opened on the
 * key field (openOptionsPage cannot carry the hash that asks for it), then the popup closes.
 */
export function UpdateKeyButton() {
  const open = async () => {
    await browser.tabs.create({ url: `${browser.runtime.getURL('/options.html')}${UPDATE_KEY_HASH}` });
    window.close();
  };
  return (
    <button type="button" class="primary" onClick={() => void open()}>
      {t('updateKey')}
    </button>
  );
}
