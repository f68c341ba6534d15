import { useEffect, useMemo, useState } from 'preact/hooks';
import { useStored } from '@/components/use-stored';
import { snapshotItems } from '@/lib/account/usage';
import { counted } from '@/lib/display/plural';
import { insightsViewItems } from '@/lib/foresight/block-item';
import { EMPTY_HISTORY } from '@/lib/history/points';
import { historyItems } from '@/lib/history/stored';
import { t } from '@/lib/platform/i18n';
import { USAGE_SPANS, type UsageSpan } from '@/lib/usage/chart';
import { dailySpend } from '@/lib/usage/daily-spend';
import { billingPeriods } from '@/lib/usage/periods';
import { CreditsChart } from './CreditsChart';
import { ForecastLines } from './ForecastLines';
import { HistoryExport } from './HistoryExport';
import { PeriodTable } from './PeriodTable';
import { SpendChart } from './SpendChart';

/** The page's clock, a minute at a time: enough for charts of days. */
function useMinuteClock(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** 30, 90 or 365 days, as a group of radio buttons drawn as segments (arrow keys move within it). */
function SpanChoice({
  span,
  onChoose,
  locale,
}: {
  span: UsageSpan;
  onChoose: (span: UsageSpan) => void;
  locale: string;
}) {
  return (
    <fieldset class="segments">
      <legend>{t('usageSpanLabel')}</legend>
      {USAGE_SPANS.map((days) => (
        <label key={days}>
          <input type="radio" name="usage-span" checked={days === span} onChange={() => onChoose(days)} />
          <span>{counted(t, locale, 'usageSpan', days)}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** One account's history: both charts over the chosen span, its billing periods, its forecast and its download. */
export function AccountUsage(props: {
  account: string;
  name: string;
  locale: string;
  /** The span shown, kept by the page so another account opens on the same one. */
  span: UsageSpan;
  onSpan: (span: UsageSpan) => void;
}) {
  const { account, name, locale, span, onSpan } = props;
  const history = useStored(historyItems(account), EMPTY_HISTORY);
  const stored = useStored(insightsViewItems(account), null);
  const snapshot = useStored(snapshotItems(account), null);
  const now = useMinuteClock();
  const days = useMemo(() => dailySpend(history, span, now), [history, span, now]);
  const periods = useMemo(() => billingPeriods(history), [history]);
  return (
    <section class="usage" aria-labelledby="usage-account-name">
      <h2 id="usage-account-name">
        <bdi>{name}</bdi>
      </h2>
      {history.points.length === 0 ? (
        <p class="usage-empty">{t('usageEmpty')}</p>
      ) : (
        <>
          <SpanChoice span={span} onChoose={onSpan} locale={locale} />
          <CreditsChart history={history} span={span} now={now} locale={locale} />
          <SpendChart days={days} now={now} locale={locale} />
          <PeriodTable periods={periods} now={now} locale={locale} />
        </>
      )}
      {stored && snapshot && (
        <ForecastLines account={account} stored={stored} readAt={snapshot.fetchedAt} now={now} locale={locale} />
      )}
      {history.points.length > 0 && (
        <section aria-labelledby="usage-export-heading">
          <h3 id="usage-export-heading">{t('usageExportHeading')}</h3>
          <HistoryExport account={account} name={name} history={history} locale={locale} />
        </section>
      )}
    </section>
  );
}
