import { t, type MessageKey } from '@/lib/platform/i18n';
import { TOPUP_PACKS, type TopupPack, type Usage } from '@/lib/account/usage';

const TOPUP_LABELS: Record<TopupPack, MessageKey> = {
  small: 'topupSmall',
  medium: 'topupMedium',
  large: 'topupLarge',
};

/** Links to the top-up packs FluxImage offers; `prominent` when buying one is the thing to do now. */
export function TopupPacks({ topups, prominent }: { topups: Usage['topups']; prominent: boolean }) {
  const packs = TOPUP_PACKS.filter((pack) => topups[pack]);
  if (packs.length === 0) return null;
  return (
    <nav class={`topups${prominent ? ' topups-first' : ''}`} aria-labelledby="topups-heading">
      <h2 id="topups-heading">{t('buyCredits')}</h2>
      <ul>
        {packs.map((pack) => (
          <li key={pack}>
            <a
              class={`button${prominent ? ' primary' : ''}`}
              href={topups[pack]}
              target="_blank"
              rel="noopener noreferrer"
            >
              {t(TOPUP_LABELS[pack])}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
