import { CommittedInput } from '@/components/CommittedInput';
import { SaveNote } from '@/components/SaveNote';
import { useAutosave } from '@/components/use-autosave';
import { useStored } from '@/components/use-stored';
import { defaultThreshold } from '@/lib/alerts/credit-level';
import { formatCount } from '@/lib/display/format';
import { t } from '@/lib/platform/i18n';
import { DEFAULT_SETTINGS } from '@/lib/alerts/settings';
import { parseThresholdInput } from '@/lib/alerts/threshold-input';
import { settingsItem } from '@/lib/alerts/settings';
import { snapshotItem } from '@/lib/account/usage';

/** The low-credit threshold and notification: each saves itself when changed. */
export function AlertSection({ locale }: { locale: string }) {
  const { shown, states, save, invalid } = useAutosave(settingsItem, DEFAULT_SETTINGS);
  const snapshot = useStored(snapshotItem, null);
  const fallback = defaultThreshold(snapshot?.usage.creditsMonthly ?? 0);

  const commitThreshold = async (text: string) => {
    const parsed = parseThresholdInput(text, locale);
    if (!parsed.ok) {
      invalid('threshold');
      return false;
    }
    return save('threshold', () => parsed.threshold);
  };

  return (
    <section aria-labelledby="alerts-heading">
      <h2 id="alerts-heading">{t('alertsHeading')}</h2>
      <div class="controls">
        <label for="threshold">{t('thresholdLabel')}</label>
        <div class="control-row">
          <CommittedInput
            id="threshold"
            name="threshold"
            inputMode="numeric"
            value={shown.threshold === null ? '' : String(shown.threshold)}
            placeholder={formatCount(fallback, locale)}
            onCommit={commitThreshold}
            aria-describedby="threshold-note threshold-help"
            aria-invalid={states.threshold?.kind === 'invalid'}
          />
          <SaveNote id="threshold-note" state={states.threshold} invalid={t('thresholdInvalid')} />
        </div>
        <p id="threshold-help" class="help">
          {t('thresholdHelpDefault', formatCount(fallback, locale))}
        </p>
        <div class="control-row">
          <label class="checkbox">
            <input
              type="checkbox"
              checked={shown.notifications}
              onChange={(event) => {
                const { checked } = event.currentTarget;
                void save('notifications', () => checked);
              }}
            />
            {t('notificationsLabel')}
          </label>
          <SaveNote state={states.notifications} />
        </div>
      </div>
    </section>
  );
}
