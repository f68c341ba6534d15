import { DASHBOARD_URL } from '@/lib/account/config';
import { formatDay } from '@/lib/display/format';
import { t } from '@/lib/platform/i18n';

interface CompressionsNoticeProps {
  /** When compressions come back; `null` while the reset date is not known. */
  resetAt: number | null;
  locale: string;
}

/** Compressions are used up on a limited plan: when they come back, and where the plan is changed. */
export function CompressionsNotice({ resetAt, locale }: CompressionsNoticeProps) {
  return (
    <p class="notice compressions-used-up">
      {t('compressionsUsedUp')}
      {resetAt !== null && ` ${t('compressionsBackOn', formatDay(resetAt, locale))}`}{' '}
      <a href={DASHBOARD_URL} target="_blank" rel="noopener noreferrer">
        {t('planInDashboard')}
      </a>
    </p>
  );
}
