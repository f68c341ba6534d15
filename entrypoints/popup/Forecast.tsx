import { InsightsPanel } from '@/components/InsightsPanel';
import { useStored } from '@/components/use-stored';
import { t } from '@/lib/platform/i18n';
import { insightsViewItems, type StoredInsightsView } from '@/lib/foresight/block-item';
import { insightsWords } from '@/lib/foresight/block-words';
import { CompressionsNotice } from './CompressionsNotice';
import { UsageLink } from './UsageLink';

export interface ForecastProps {
  /** The account whose forecast this is. */
  account: string;
  /** When the numbers shown beside the block were fetched. */
  readAt: number;
  now: number;
  locale: string;
  /** Compressions are used up on a limited plan: the notice says when they come back. */
  compressionsUsedUp: boolean;
  onOpenSettings: () => void;
}

/**
 * The forecast block (and, with compressions used up, the day they come back), put into
 * words here from the facts the worker stored: in the popup's language, by its clock.
 */
export function Forecast({ account, readAt, now, locale, compressionsUsedUp, onOpenSettings }: ForecastProps) {
  const stored = useStored<StoredInsightsView | null | undefined>(insightsViewItems(account), undefined);
  const words = stored && insightsWords(stored, readAt, now, locale, t);
  return (
    <>
      {compressionsUsedUp && <CompressionsNotice resetAt={words?.nextResetAt ?? null} locale={locale} />}
      <InsightsPanel words={words} onOpenSettings={onOpenSettings} usageLink={<UsageLink account={account} />} />
    </>
  );
}
