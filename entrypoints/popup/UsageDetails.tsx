import { Meter } from '@/components/Meter';
import { formatAge, formatCount } from '@/lib/format';
import { t, type MessageKey } from '@/lib/i18n';
import { hasUnlimitedCompressions, TOPUP_PACKS, type TopupPack, type UsageSnapshot } from '@/lib/usage';
import type { View } from '@/lib/view';

const TOPUP_LABELS: Record<TopupPack, MessageKey> = {
  small: 'topupSmall',
  medium: 'topupMedium',
  large: 'topupLarge',
};

interface UsageDetailsProps {
  view: View;
  snapshot: UsageSnapshot;
  locale: string;
  now: number;
}

export function UsageDetails({ view, snapshot, locale, now }: UsageDetailsProps) {
  const { usage, fetchedAt } = snapshot;
  const count = (n: number) => formatCount(n, locale);
  const level = view.level ?? 'normal';
  const packs = TOPUP_PACKS.filter((pack) => usage.topups[pack]);
  return (
    <>
      <header class="headline">
        <h2 class="credits-label" id="credits-label">
          {t('popupHeading')}
        </h2>
        <p
          class={`credits credits-${level}${view.failure ? ' credits-stale' : ''}`}
          aria-labelledby="credits-label"
          aria-live="polite"
        >
          {count(usage.remainingCredits)}
        </p>
        {level === 'low' && view.threshold !== null && (
          <p class="level level-low">{t('levelLow', count(view.threshold))}</p>
        )}
        {level === 'empty' && <p class="level level-empty">{t('levelEmpty')}</p>}
      </header>

      <dl class="figures">
        <div class="figure">
          <dt>{t('monthlyCredits')}</dt>
          <dd>{t('usedOf', count(usage.creditsUsed), count(usage.creditsMonthly))}</dd>
          <dd class="figure-bar">
            <Meter
              label={t('monthlyCredits')}
              value={usage.creditsUsed}
              max={usage.creditsMonthly}
              valueText={t('usedOf', count(usage.creditsUsed), count(usage.creditsMonthly))}
              tone={level}
            />
          </dd>
        </div>
        <div class="figure">
          <dt>{t('topupCredits')}</dt>
          <dd>{count(usage.topupCredits)}</dd>
        </div>
        <div class="figure">
          <dt>{t('compressions')}</dt>
          <dd>
            {hasUnlimitedCompressions(usage)
              ? t('compressionsUnlimited', count(usage.compressionsUsed))
              : t('usedOf', count(usage.compressionsUsed), count(usage.compressionsLimit))}
          </dd>
        </div>
      </dl>

      <ul class="capabilities">
        <li class={usage.canCompress ? 'yes' : 'no'}>{usage.canCompress ? t('canCompressYes') : t('canCompressNo')}</li>
        <li class={usage.canUseAi ? 'yes' : 'no'}>{usage.canUseAi ? t('canUseAiYes') : t('canUseAiNo')}</li>
      </ul>

      <p class="updated">
        <time dateTime={new Date(fetchedAt).toISOString()}>{t('updatedAgo', formatAge(fetchedAt, now, locale))}</time>
      </p>

      {packs.length > 0 && (
        <nav class="topups" aria-labelledby="topups-heading">
          <h2 id="topups-heading">{t('buyCredits')}</h2>
          <ul>
            {packs.map((pack) => (
              <li key={pack}>
                <a class="button" href={usage.topups[pack]} target="_blank" rel="noopener noreferrer">
                  {t(TOPUP_LABELS[pack])}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
    </>
  );
}
