import { t } from '@/lib/platform/i18n';

/** No key yet: what the extension is for, and the way to the options page. */
export function NoKey({ onOpenOptions }: { onOpenOptions: () => void }) {
  return (
    <section class="empty-state" aria-labelledby="no-key-heading">
      <img src="/icon/48.png" width={48} height={48} alt="" />
      <h1 id="no-key-heading">{t('noKeyHeading')}</h1>
      <p>{t('noKeyBody')}</p>
      <button type="button" class="primary" onClick={onOpenOptions}>
        {t('setApiKey')}
      </button>
    </section>
  );
}
