import { t } from '@/lib/i18n';
import type { InsightsView } from '@/lib/insights-view';
import { Sparkline } from './Sparkline';

interface InsightsPanelProps {
  /** `undefined` until the history is read: the block keeps its size so nothing below it moves. */
  view: InsightsView | undefined;
  onOpenSettings: () => void;
}

/** The next reset, how long the credits last at this pace, and the last 30 days as a line. */
export function InsightsPanel({ view, onOpenSettings }: InsightsPanelProps) {
  const lines = view?.lines;
  return (
    <section class="insights" aria-label={t('forecastHeading')} aria-busy={!lines}>
      <Sparkline view={view?.sparkline} />
      <div class="insights-lines">
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
          </>
        )}
      </div>
    </section>
  );
}
