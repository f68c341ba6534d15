import { resetInfo } from '@/lib/billing-period';
import { forecastCredits } from '@/lib/forecast';
import type { UsageHistory } from '@/lib/history';
import { t } from '@/lib/i18n';
import { insightLines } from '@/lib/insight-words';
import type { Usage } from '@/lib/usage';
import { Sparkline } from './Sparkline';

interface InsightsProps {
  usage: Usage;
  /** `undefined` until the history is read: the block keeps its size so nothing below it moves. */
  history: UsageHistory | undefined;
  /** The renewal day the user set, if any. */
  renewalDay: number | null;
  now: number;
  locale: string;
  onOpenSettings: () => void;
}

/** The next reset, how long the credits last at this pace, and the last 30 days as a line. */
export function Insights({ usage, history, renewalDay, now, locale, onOpenSettings }: InsightsProps) {
  const lines =
    history &&
    insightLines(
      {
        forecast: forecastCredits(history, now),
        reset: resetInfo(renewalDay, history.resets, now),
        remaining: usage.remainingCredits,
        now,
      },
      locale,
      t,
    );
  return (
    <section class="insights" aria-label={t('forecastHeading')} aria-busy={!lines}>
      <Sparkline history={history} now={now} locale={locale} />
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
