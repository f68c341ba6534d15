import type { Translate } from '../platform/i18n';
import { counted } from '../display/plural';
import type { Usage } from '../account/usage';

/** The words of the low-credit and no-credit notifications. */
export function creditAlert(level: 'low' | 'empty', usage: Usage, t: Translate, locale: string) {
  return level === 'empty'
    ? { title: t('notifyEmptyTitle'), message: t('notifyEmptyBody') }
    : { title: t('notifyLowTitle'), message: counted(t, locale, 'notifyLowBody', usage.remainingCredits) };
}
