import { formatCount, formatDate } from '@/lib/display/format';
import { t } from '@/lib/platform/i18n';
import type { BillingPeriod } from '@/lib/usage/periods';

/** The billing periods, the current one first: the charts' figures as a table a screen reader can walk. */
export function PeriodTable({ periods, now, locale }: { periods: BillingPeriod[]; now: number; locale: string }) {
  const date = (at: number) => formatDate(at, now, locale);
  return (
    <section aria-labelledby="periods-heading">
      <h3 id="periods-heading">{t('usagePeriodsHeading')}</h3>
      <div class="table-scroll">
        <table class="periods">
          <caption>{t('usagePeriodsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('usagePeriodColumn')}</th>
              <th scope="col">{t('usageSpentColumn')}</th>
              <th scope="col">{t('usageTopupsColumn')}</th>
              <th scope="col">{t('usageRanOutColumn')}</th>
            </tr>
          </thead>
          <tbody>
            {periods.map((period) => (
              <tr key={period.from} class={period.current ? 'current' : undefined}>
                <th scope="row">
                  {period.current
                    ? t('usagePeriodCurrent', date(period.from))
                    : t('usagePeriodRange', date(period.from), date(period.to))}
                  {!period.fromReset && <span class="muted"> ({t('usagePeriodFirstReading')})</span>}
                </th>
                <td>{formatCount(period.spent, locale)}</td>
                <td>{formatCount(period.toppedUp, locale)}</td>
                <td>{period.ranOutAt === null ? t('usageRanOutNo') : t('usageRanOutOn', date(period.ranOutAt))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
