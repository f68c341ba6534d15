import { Meter } from '@/components/Meter';
import { formatAge, formatCount } from '@/lib/display/format';
import { t } from '@/lib/platform/i18n';
import { counted } from '@/lib/display/plural';
import { hasUnlimitedCompressions, type UsageSnapshot } from '@/lib/account/usage';
import type { View } from '@/lib/display/view';
import { TopupPacks } from './TopupPacks';

interface UsageDetailsProps {
  view: View;
  snapshot: UsageSnapshot;
  locale: string;
  now: number;
  /** No credits left: the packs come first, as the main action. */
  packsFirst: boolean;
}

export function UsageDetails({ view, snapshot, locale, now, packsFirst }: UsageDetailsProps) {
  const { usage, fetchedAt } = snapshot;
  const count = (n: number) => formatCount(n, locale);
  const level = view.level ?? 'normal';
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

      {packsFirst && <TopupPacks topups={usage.topups} prominent />}

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
              ? counted(t, locale, 'compressionsUnlimited', usage.compressionsUsed)
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

      {!packsFirst && <TopupPacks topups={usage.topups} prominent={false} />}
    </>
  );
}
