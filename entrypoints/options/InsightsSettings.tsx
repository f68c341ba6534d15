import { useEffect, useState } from 'preact/hooks';
import { describeActionError } from '@/components/action-error';
import { Notice } from '@/components/Notice';
import { useStored } from '@/components/use-stored';
import { inferredRenewalDay } from '@/lib/billing-period';
import { formatCount } from '@/lib/format';
import { EMPTY_HISTORY } from '@/lib/history';
import { historyItem } from '@/lib/history-item';
import { csvFileName, historyToCsv } from '@/lib/history-csv';
import { t, type MessageKey } from '@/lib/i18n';
import {
  canBadgeCompressions,
  CHECK_INTERVALS,
  DEFAULT_INSIGHT_SETTINGS,
  insightSettingsItem,
  parseRenewalDayInput,
  type CheckEvery,
  type CheckInterval,
  type InsightSettings,
} from '@/lib/insight-settings';
import { formatDay } from '@/lib/insight-words';
import { snapshotItem } from '@/lib/storage';

const NOTIFY_LABELS: Record<keyof InsightSettings['notify'], MessageKey> = {
  runOut: 'notifyRunOutLabel',
  compressionsUsedUp: 'notifyCompressionsLabel',
  keyRejected: 'notifyKeyLabel',
  creditsBack: 'notifyCreditsBackLabel',
};

type Result = { kind: 'saved' } | { kind: 'invalid' } | { kind: 'failed'; reason: string } | null;

/** Renewal day, look-ahead notifications, the badge's number, how often to check, and the CSV export. */
export function InsightsSettings({ locale }: { locale: string }) {
  const settings = useStored(insightSettingsItem, DEFAULT_INSIGHT_SETTINGS);
  const history = useStored(historyItem, EMPTY_HISTORY);
  const snapshot = useStored(snapshotItem, null);
  const [day, setDay] = useState('');
  const [notify, setNotify] = useState(DEFAULT_INSIGHT_SETTINGS.notify);
  const [badge, setBadge] = useState(DEFAULT_INSIGHT_SETTINGS.badge);
  const [minutes, setMinutes] = useState<CheckEvery>(DEFAULT_INSIGHT_SETTINGS.checkEveryMinutes);
  const [result, setResult] = useState<Result>(null);
  const [exported, setExported] = useState<'empty' | { reason: string } | null>(null);

  const now = Date.now();
  const inferred = inferredRenewalDay(history.resets);
  const offerCompressions = snapshot !== null && canBadgeCompressions(snapshot.usage);

  // Show what is stored whenever it changes (also from another window).
  useEffect(() => {
    setDay(String(settings.renewalDay ?? inferred?.day ?? ''));
    setNotify(settings.notify);
    setBadge(settings.badge);
    setMinutes(settings.checkEveryMinutes);
  }, [settings, inferred?.day]);

  const save = async (event: Event) => {
    event.preventDefault();
    const parsed = parseRenewalDayInput(day);
    if (!parsed.ok) {
      setResult({ kind: 'invalid' });
      return;
    }
    // Saving the detected day unchanged keeps following detection rather than pinning it.
    const keepsDetected = settings.renewalDay === null && parsed.day === inferred?.day;
    try {
      await insightSettingsItem.set({
        renewalDay: keepsDetected ? null : parsed.day,
        notify,
        badge: offerCompressions ? badge : settings.badge,
        checkEveryMinutes: minutes,
      });
      setResult({ kind: 'saved' });
    } catch (error) {
      setResult({ kind: 'failed', reason: describeActionError(error) });
    }
  };

  const download = async () => {
    try {
      const current = await historyItem.get();
      if (current.points.length === 0) {
        setExported('empty');
        return;
      }
      const url = URL.createObjectURL(new Blob([historyToCsv(current)], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = csvFileName(Date.now());
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setExported(null);
    } catch (error) {
      setExported({ reason: describeActionError(error) });
    }
  };

  const renewalHelp =
    settings.renewalDay !== null
      ? t('renewalSetByYou')
      : inferred
        ? t('renewalDetected', formatDay(inferred.detectedAt, now, locale))
        : t('renewalUnknown');
  const minutesText = (value: number) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(value);
  const first = history.points[0];

  return (
    <section class="insight-settings" aria-labelledby="insights-heading">
      <h2 id="insights-heading">{t('insightsHeading')}</h2>
      <form onSubmit={save} noValidate>
        <div class="renewal-row">
          <label for="renewal-day">{t('renewalDayLabel')}</label>
          <input
            id="renewal-day"
            name="renewal-day"
            inputMode="numeric"
            value={day}
            onInput={(event) => setDay(event.currentTarget.value)}
            aria-describedby="renewal-day-after renewal-day-help"
            aria-invalid={result?.kind === 'invalid'}
          />
          <span id="renewal-day-after">{t('renewalDayAfter')}</span>
        </div>
        <p id="renewal-day-help" class="help">
          {renewalHelp}
        </p>

        <fieldset>
          <legend>{t('insightNotificationsLegend')}</legend>
          {(Object.keys(NOTIFY_LABELS) as (keyof InsightSettings['notify'])[]).map((kind) => (
            <label class="checkbox" key={kind}>
              <input
                type="checkbox"
                name={`notify-${kind}`}
                checked={notify[kind]}
                onChange={(event) => setNotify({ ...notify, [kind]: event.currentTarget.checked })}
              />
              {t(NOTIFY_LABELS[kind])}
            </label>
          ))}
        </fieldset>

        {offerCompressions && (
          <fieldset>
            <legend>{t('badgeShowsLegend')}</legend>
            {(['credits', 'compressions'] as const).map((choice) => (
              <label class="checkbox" key={choice}>
                <input
                  type="radio"
                  name="badge"
                  value={choice}
                  checked={badge === choice}
                  onChange={() => setBadge(choice)}
                />
                {t(choice === 'credits' ? 'badgeShowsCredits' : 'badgeShowsCompressions')}
              </label>
            ))}
          </fieldset>
        )}

        <div class="renewal-row">
          <label for="check-every">{t('checkEveryLabel')}</label>
          <select
            id="check-every"
            name="check-every"
            value={String(minutes)}
            onChange={(event) => setMinutes(Number(event.currentTarget.value) as CheckInterval)}
          >
            {CHECK_INTERVALS.map((value) => (
              <option key={value} value={String(value)}>
                {minutesText(value)}
              </option>
            ))}
          </select>
        </div>

        <div class="row">
          <button type="submit" class="primary">
            {t('saveInsightSettings')}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {result?.kind === 'saved' && <Notice tone="success">{t('settingsSaved')}</Notice>}
        {result?.kind === 'invalid' && <Notice tone="error">{t('renewalDayInvalid')}</Notice>}
        {result?.kind === 'failed' && <Notice tone="error">{t('saveFailed', result.reason)}</Notice>}
      </div>

      <div class="row">
        <button type="button" onClick={download} aria-describedby="history-help">
          {t('downloadHistory')}
        </button>
      </div>
      <p id="history-help" class="help">
        {first
          ? t('historyKept', formatCount(history.points.length, locale), formatDay(first.at, now, locale))
          : t('historyEmpty')}
      </p>
      <div aria-live="polite">
        {exported === 'empty' && <Notice tone="info">{t('historyEmpty')}</Notice>}
        {exported !== null && exported !== 'empty' && (
          <Notice tone="error">{t('downloadFailed', exported.reason)}</Notice>
        )}
      </div>
    </section>
  );
}
