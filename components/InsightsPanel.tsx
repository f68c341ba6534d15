import type { ComponentChildren } from 'preact';
import { t } from '@/lib/platform/i18n';
import type { InsightsWords } from '@/lib/foresight/block-words';
import { Sparkline } from './Sparkline';

interface InsightsPanelProps {
  /**
   * `undefined` while the block is read (it keeps its size, so nothing below it moves);
   * `null` when no forecast is stored yet.
   */
  words: InsightsWords | null | undefined;
  onOpenSettings: () => void;
  /**
   * The link to the usage page under the 30-day line: drawn by the block's lazily loaded code
   * (entrypoints/popup/UsageLink.tsx), so it weighs nothing in the popup's first load; its line
   * is reserved meanwhile, so nothing moves when it appears.
   */
  usageLink?: ComponentChildren;
}

/** The next reset, how long the credits last at this pace, and the last 30 days as a line. */
export function InsightsPanel({ words, onOpenSettings, usageLink }: InsightsPanelProps) {
  const lines = words?.lines;
  return (
    <section class="insights" aria-label={t('forecastHeading')} aria-busy={words === undefined}>
      <Sparkline view={words?.sparkline} />
      <div class="insights-usage">{usageLink}</div>
      <div class="insights-lines">
        {words === null && <p>{t('forecastAfterCheck')}</p>}
        {words?.asOf && <p class="insights-as-of">{words.asOf}</p>}
        {lines && (
          <>
            <p>
              {lines.reset.known ? (
                lines.reset.text
              ) : (
                <>
                  {lines.reset.text} —{' '}
                  <button type="button" class="link" onClick={onOpenSettings}>
                    {lines.reset.link}
                  </button>
                </>
              )}
            </p>
            {lines.pace && <p>{lines.pace}</p>}
            {lines.outlook && (
              <p class={`insights-outlook${lines.outlook.short ? ' insights-short' : ''}`}>{lines.outlook.text}</p>
            )}
            {lines.plan.map((line) => (
              <p class={line.tone}>{line.text}</p>
            ))}
          </>
        )}
      </div>
    </section>
  );
}
