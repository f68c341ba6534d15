import { useEffect, useState } from 'preact/hooks';
import { Notice } from '@/components/Notice';
import { describeActionError } from '@/components/action-error';
import { useStored } from '@/components/use-stored';
import { defaultThreshold } from '@/lib/alerts';
import { formatCount } from '@/lib/format';
import { t } from '@/lib/i18n';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { parseThresholdInput } from '@/lib/threshold-input';
import { settingsItem, snapshotItem } from '@/lib/storage';

export function AlertSection({ locale }: { locale: string }) {
  const settings = useStored(settingsItem, DEFAULT_SETTINGS);
  const snapshot = useStored(snapshotItem, null);
  const [threshold, setThreshold] = useState('');
  const [notifications, setNotifications] = useState(DEFAULT_SETTINGS.notifications);
  const [result, setResult] = useState<'saved' | 'invalid' | { failed: string } | null>(null);

  // Show what is stored whenever it changes (also from another window).
  useEffect(() => {
    setThreshold(settings.threshold === null ? '' : String(settings.threshold));
    setNotifications(settings.notifications);
  }, [settings]);

  const fallback = defaultThreshold(snapshot?.usage.creditsMonthly ?? 0);

  const save = async (event: Event) => {
    event.preventDefault();
    const parsed = parseThresholdInput(threshold, locale);
    if (!parsed.ok) {
      setResult('invalid');
      return;
    }
    try {
      await settingsItem.set({ threshold: parsed.threshold, notifications });
      setResult('saved');
    } catch (error) {
      setResult({ failed: describeActionError(error) });
    }
  };

  return (
    <section aria-labelledby="alerts-heading">
      <h2 id="alerts-heading">{t('alertsHeading')}</h2>
      <form onSubmit={save} noValidate>
        <label for="threshold">{t('thresholdLabel')}</label>
        <input
          id="threshold"
          name="threshold"
          inputMode="numeric"
          value={threshold}
          placeholder={formatCount(fallback, locale)}
          onInput={(event) => setThreshold(event.currentTarget.value)}
          aria-describedby="threshold-help"
          aria-invalid={result === 'invalid'}
        />
        <p id="threshold-help" class="help">
          {t('thresholdHelpDefault', formatCount(fallback, locale))}
        </p>
        <label class="checkbox">
          <input
            type="checkbox"
            checked={notifications}
            onChange={(event) => setNotifications(event.currentTarget.checked)}
          />
          {t('notificationsLabel')}
        </label>
        <div class="row">
          <button type="submit" class="primary">
            {t('saveSettings')}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {result === 'saved' && <Notice tone="success">{t('settingsSaved')}</Notice>}
        {result === 'invalid' && <Notice tone="error">{t('thresholdInvalid')}</Notice>}
        {typeof result === 'object' && result && <Notice tone="error">{t('settingsFailed', result.failed)}</Notice>}
      </div>
    </section>
  );
}
