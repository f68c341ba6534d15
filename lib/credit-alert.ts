import type { Translate } from './i18n';
import { counted } from './plural';
import type { Usage } from './usage';

/** The words of the low-credit and no-credit notifications. */
export function creditAlert(level: 'low' | 'empty', usage: Usage, t: Translate, locale: string) {
  return level === 'empty'
    ? { title: t('notifyEmptyTitle'), message: t('notifyEmptyBody') }
    : { title: t('notifyLowTitle'), message: counted(t, locale, 'notifyLowBody', usage.remainingCredits) };
}
