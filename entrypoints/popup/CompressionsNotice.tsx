import { DASHBOARD_URL } from '@/lib/config';
import { formatDay } from '@/lib/format';
import { t } from '@/lib/i18n';

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
