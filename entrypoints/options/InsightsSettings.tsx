import { CommittedInput } from '@/components/CommittedInput';
import { SaveNote } from '@/components/SaveNote';
import { useAutosave } from '@/components/use-autosave';
import { useStored } from '@/components/use-stored';
import { inferredRenewalDay } from '@/lib/foresight/next-reset';
import { EMPTY_HISTORY, type ResetWindow } from '@/lib/history/points';
import { historyItem } from '@/lib/history/stored';
import { t, type MessageKey } from '@/lib/platform/i18n';
import { canTellPresence } from '@/lib/platform/presence';
import {
  canBadgeCompressions,
  CHECK_INTERVALS,
  DEFAULT_INSIGHT_SETTINGS,
  insightSettingsItem,
  parseRenewalDayInput,
  type CheckEvery,
  type CheckInterval,
  type InsightSettings,
} from '@/lib/foresight/settings';
import { formatDay } from '@/lib/foresight/words';
import { snapshotItem } from '@/lib/account/usage';
import { HistoryExport } from './HistoryExport';

const NOTIFY_LABELS: Record<keyof InsightSettings['notify'], MessageKey> = {
  runOut: 'notifyRunOutLabel',
  compressionsUsedUp: 'notifyCompressionsLabel',
  keyRejected: 'notifyKeyLabel',
  creditsBack: 'notifyCreditsBackLabel',
};

type Autosave = ReturnType<typeof useAutosave<InsightSettings>>;

/** Renewal day, look-ahead notifications, the badge's number and how often to check (each saves itself), and the CSV export. */
export function InsightsSettings({ locale }: { locale: string }) {
  const autosave = useAutosave(insightSettingsItem, DEFAULT_INSIGHT_SETTINGS);
  const history = useStored(historyItem, EMPTY_HISTORY);
  const snapshot = useStored(snapshotItem, null);
  return (
    <section class="insight-settings" aria-labelledby="insights-heading">
      <h2 id="insights-heading">{t('insightsHeading')}</h2>
      <div class="controls">
        <RenewalDay autosave={autosave} resets={history.resets} locale={locale} />
        <NotifyChoices autosave={autosave} />
        {snapshot !== null && canBadgeCompressions(snapshot.usage) && <BadgeChoice autosave={autosave} />}
        <CheckInterval autosave={autosave} locale={locale} />
      </div>
      <HistoryExport history={history} locale={locale} />
    </section>
  );
}

function RenewalDay({ autosave, resets, locale }: { autosave: Autosave; resets: ResetWindow[]; locale: string }) {
  const { shown, states, save, invalid } = autosave;
  const inferred = inferredRenewalDay(resets);
  const commit = async (text: string) => {
    const parsed = parseRenewalDayInput(text);
    if (!parsed.ok) {
      invalid('renewalDay');
      return false;
    }
    // The detected day, committed as it is shown, keeps following detection rather than pinning it.
    const keepsDetected = shown.renewalDay === null && parsed.day === inferred?.day;
    return save('renewalDay', () => (keepsDetected ? null : parsed.day));
  };
  const help =
    shown.renewalDay !== null
      ? t('renewalSetByYou')
      : inferred
        ? t('renewalDetected', formatDay(inferred.detectedAt, Date.now(), locale))
        : t('renewalUnknown');
  return (
    <>
      <div class="renewal-row">
        <label for="renewal-day">{t('renewalDayLabel')}</label>
        <CommittedInput
          id="renewal-day"
          name="renewal-day"
          inputMode="numeric"
          value={String(shown.renewalDay ?? inferred?.day ?? '')}
          onCommit={commit}
          aria-describedby="renewal-day-after renewal-day-note renewal-day-help"
          aria-invalid={states.renewalDay?.kind === 'invalid'}
        />
        <span id="renewal-day-after">{t('renewalDayAfter')}</span>
        <SaveNote id="renewal-day-note" state={states.renewalDay} invalid={t('renewalDayInvalid')} />
      </div>
      <p id="renewal-day-help" class="help">
        {help}
      </p>
    </>
  );
}

function NotifyChoices({ autosave }: { autosave: Autosave }) {
  const { shown, states, save } = autosave;
  return (
    <fieldset>
      <legend>{t('insightNotificationsLegend')}</legend>
      {(Object.keys(NOTIFY_LABELS) as (keyof InsightSettings['notify'])[]).map((kind) => (
        <div class="control-row" key={kind}>
          <label class="checkbox">
            <input
              type="checkbox"
              name={`notify-${kind}`}
              checked={shown.notify[kind]}
              onChange={(event) => {
                const { checked } = event.currentTarget;
                void save('notify', (notify) => ({ ...notify, [kind]: checked }), `notify-${kind}`);
              }}
            />
            {t(NOTIFY_LABELS[kind])}
          </label>
          <SaveNote state={states[`notify-${kind}`]} />
        </div>
      ))}
    </fieldset>
  );
}

/** Offered only on a plan that limits compressions (they can be counted down). */
function BadgeChoice({ autosave }: { autosave: Autosave }) {
  const { shown, states, save } = autosave;
  return (
    <fieldset>
      <legend>{t('badgeShowsLegend')}</legend>
      {(['credits', 'compressions'] as const).map((choice) => (
        <label class="checkbox" key={choice}>
          <input
            type="radio"
            name="badge"
            value={choice}
            checked={shown.badge === choice}
            onChange={() => void save('badge', () => choice)}
          />
          {t(choice === 'credits' ? 'badgeShowsCredits' : 'badgeShowsCompressions')}
        </label>
      ))}
      <SaveNote state={states.badge} />
    </fieldset>
  );
}

/** The select's values: `auto`, or the minutes as digits. */
const toCheckEvery = (value: string): CheckEvery => (value === 'auto' ? 'auto' : (Number(value) as CheckInterval));

/** Automatic first (the default), then the fixed intervals. */
function CheckInterval({ autosave, locale }: { autosave: Autosave; locale: string }) {
  const { shown, states, save } = autosave;
  const minutesText = (value: number) =>
    new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'long' }).format(value);
  return (
    <>
      <div class="renewal-row">
        <label for="check-every">{t('checkEveryLabel')}</label>
        <select
          id="check-every"
          name="check-every"
          value={String(shown.checkEveryMinutes)}
          aria-describedby="check-every-help"
          onChange={(event) => {
            const choice = toCheckEvery(event.currentTarget.value);
            void save('checkEveryMinutes', () => choice);
          }}
        >
          <option value="auto">{t('checkEveryAuto')}</option>
          {CHECK_INTERVALS.map((value) => (
            <option key={value} value={String(value)}>
              {minutesText(value)}
            </option>
          ))}
        </select>
        <SaveNote state={states.checkEveryMinutes} />
      </div>
      <p id="check-every-help" class="help">
        {t(canTellPresence() ? 'checkEveryAutoHint' : 'checkEveryAutoHintNoPresence')}
      </p>
    </>
  );
}
