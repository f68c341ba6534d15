import type { Translate } from '../platform/i18n';
import type { InsightAnnouncement } from './alerts';
import { counted } from '../display/plural';
import { formatCount, formatDate } from '../display/format';
import { formatDays } from './words';

const MINUTE = 60_000;

/**
 * "in the last 20 minutes", "in the last hour", "in the last 3 hours": the time since the
 * previous reading, to the minute up to two hours and in whole hours (or days) rounded up
 * after that, so the credits were indeed spent within the time named.
 */
export function spendingPeriodWords(periodMs: number, locale: string, t: Translate): string {
  const minutes = Math.max(1, Math.round(periodMs / MINUTE));
  if (minutes === 60) return counted(t, locale, 'notifySpikeHours', 1);
  if (minutes < 120) return counted(t, locale, 'notifySpikeMinutes', minutes);
  const hours = Math.ceil(minutes / 60);
  if (hours < 48) return counted(t, locale, 'notifySpikeHours', hours);
  return counted(t, locale, 'notifySpikeDays', Math.ceil(hours / 24));
}

type Words = { title: string; message: string; namesAccount?: true };

/**
 * The title and body of each look-ahead notification. The unusual-spending one names the
 * account in its title (`accountName`) even when there is only one: a leaked key is one account's.
 */
export function insightAlertWords(
  announcement: InsightAnnouncement,
  now: number,
  locale: string,
  t: Translate,
  accountName = '',
): Words {
  switch (announcement.kind) {
    case 'runOut':
      return {
        title: t('notifyRunOutTitle'),
        message: t(
          'notifyRunOutBody',
          formatDays(announcement.daysShort, locale),
          formatDate(announcement.resetAt, now, locale),
        ),
      };
    case 'compressionsUsedUp':
      return {
        title: t('notifyCompressionsTitle'),
        message: counted(t, locale, 'notifyCompressionsBody', announcement.limit),
      };
    case 'keyRejected':
      return { title: t('notifyKeyTitle'), message: t('notifyKeyBody') };
    case 'creditsBack':
      return {
        title: t(announcement.event === 'reset' ? 'notifyResetTitle' : 'notifyTopupTitle'),
        message: counted(t, locale, 'notifyCreditsBackBody', announcement.remaining),
      };
    case 'unusualSpending': {
      const { spent, periodMs, multiple } = announcement;
      const pace =
        multiple === null ? t('notifySpikePaceNone') : t('notifySpikePace', formatCount(Math.round(multiple), locale));
      return {
        title: t('notifySpikeTitle', accountName),
        message: t(
          'notifySpikeBody',
          counted(t, locale, 'notifySpikeCredits', spent),
          spendingPeriodWords(periodMs, locale, t),
          pace,
        ),
        namesAccount: true,
      };
    }
  }
}
