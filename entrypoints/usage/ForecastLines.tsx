import type { StoredInsightsView } from '@/lib/foresight/block-item';
import { insightsWords } from '@/lib/foresight/block-words';
import { accountHash } from '@/lib/account/options-hash';
import { t } from '@/lib/platform/i18n';

interface ForecastLinesProps {
  account: string;
  stored: StoredInsightsView;
  /** When the account's numbers were fetched. */
  readAt: number;
  now: number;
  locale: string;
}

/** The popup's forecast words, from the same stored facts, in this page's language and by its clock. */
export function ForecastLines({ account, stored, readAt, now, locale }: ForecastLinesProps) {
  const { lines, asOf } = insightsWords(stored, readAt, now, locale, t);
  return (
    <section class="usage-forecast" aria-labelledby="usage-forecast-heading">
      <h3 id="usage-forecast-heading">{t('forecastHeading')}</h3>
      {asOf && <p class="muted">{asOf}</p>}
      <p>
        {lines.reset.text}
        {!lines.reset.known && (
          <>
            {' — '}
            <a href={`/options.html${accountHash(account, { replace: false })}`}>{lines.reset.link}</a>
          </>
        )}
      </p>
      {lines.pace && <p>{lines.pace}</p>}
      {lines.outlook && <p class={lines.outlook.short ? 'usage-short' : undefined}>{lines.outlook.text}</p>}
    </section>
  );
}
