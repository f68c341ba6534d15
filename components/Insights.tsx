import type { UsageHistory } from '@/lib/history';
import { t } from '@/lib/i18n';
import { insightsView } from '@/lib/insights-view';
import type { Usage } from '@/lib/usage';
import { InsightsPanel } from './InsightsPanel';

interface InsightsProps {
  usage: Usage;
  /** `undefined` until the history is read. */
  history: UsageHistory | undefined;
  /** The renewal day the user set, if any. */
  renewalDay: number | null;
  now: number;
  locale: string;
  onOpenSettings: () => void;
}

/** The forecast block, computed in the page from the history. */
export function Insights({ usage, history, renewalDay, now, locale, onOpenSettings }: InsightsProps) {
  const view = history && insightsView({ history, remaining: usage.remainingCredits, renewalDay, now }, locale, t);
  return <InsightsPanel view={view} onOpenSettings={onOpenSettings} />;
}
