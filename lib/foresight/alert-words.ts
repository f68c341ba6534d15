import type { Translate } from '../platform/i18n';
import type { InsightAnnouncement } from './alerts';
import { counted } from '../display/plural';
import { formatDate } from '../display/format';
import { formatDays } from './words';

/** The title and body of each look-ahead notification. */
export function insightAlertWords(announcement: InsightAnnouncement, now: number, locale: string, t: Translate) {
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
  }
}
