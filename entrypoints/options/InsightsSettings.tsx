import { SaveNote } from '@/components/SaveNote';
import { useAutosave } from '@/components/use-autosave';
import { useStored } from '@/components/use-stored';
import { accountsItem } from '@/lib/account/accounts';
import { t, type MessageKey } from '@/lib/platform/i18n';
import { canTellPresence } from '@/lib/platform/presence';
import {
  BADGE_MODES,
  canBadgeCompressions,
  CHECK_INTERVALS,
  DEFAULT_INSIGHT_SETTINGS,
  insightSettingsItem,
  type BadgeMode,
  type CheckEvery,
  type CheckInterval,
  type InsightSettings,
} from '@/lib/foresight/settings';
import { useNamedAccounts, type NamedAccount } from './accounts-data';

const NOTIFY_LABELS: Record<keyof InsightSettings['notify'], MessageKey> = {
  runOut: 'notifyRunOutLabel',
  compressionsUsedUp: 'notifyCompressionsLabel',
  keyRejected: 'notifyKeyLabel',
  creditsBack: 'notifyCreditsBackLabel',
  unusualSpending: 'notifyUnusualSpendingLabel',
};

const BADGE_MODE_LABELS: Record<BadgeMode, MessageKey> = {
  credits: 'badgeShowsCredits',
  compressions: 'badgeShowsCompressions',
  days: 'badgeShowsDays',
  percent: 'badgeShowsPercent',
  none: 'badgeShowsNone',
};

type Autosave = ReturnType<typeof useAutosave<InsightSettings>>;

/**
 * Look-ahead notifications, what the badge shows and how often to check, for every account
 * (each saves itself). Each account's renewal day and history are in its own row.
 */
export function InsightsSettings({ locale }: { locale: string }) {
  const autosave = useAutosave(insightSettingsItem, DEFAULT_INSIGHT_SETTINGS);
  const accounts = useNamedAccounts(useStored(accountsItem, []));
  const countsCompressions = accounts.some(({ snapshot }) => snapshot !== null && canBadgeCompressions(snapshot.usage));
  return (
    <section class="insight-settings" aria-labelledby="insights-heading">
      <h2 id="insights-heading">{t('sharedSettingsHeading')}</h2>
      <div class="controls">
        <NotifyChoices autosave={autosave} />
        <BadgeChoice autosave={autosave} accounts={accounts} countsCompressions={countsCompressions} />
        <CheckInterval autosave={autosave} locale={locale} />
      </div>
    </section>
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

interface BadgeChoiceProps {
  autosave: Autosave;
  accounts: NamedAccount[];
  countsCompressions: boolean;
}

/**
 * What the badge shows (compressions offered when a plan limits them, so they can be counted
 * down) and, with two or more accounts, whose numbers it shows.
 */
function BadgeChoice({ autosave, accounts, countsCompressions }: BadgeChoiceProps) {
  const { shown, states, save } = autosave;
  // An account removed since it was chosen reads as the default, as the badge does.
  const chosen = accounts.some(({ account }) => account.id === shown.badgeAccount) ? shown.badgeAccount : undefined;
  const choices = [
    { value: '', label: t('badgeAccountFirst') },
    ...accounts.map(({ account, name }) => ({ value: account.id, label: name })),
  ];
  // Compressions chosen on a plan that no longer limits them: the badge counts credits, and says so here.
  const mode = shown.badge === 'compressions' && !countsCompressions ? 'credits' : shown.badge;
  return (
    <fieldset>
      <legend>{t('badgeShowsLegend')}</legend>
      {BADGE_MODES.filter((choice) => choice !== 'compressions' || countsCompressions).map((choice) => (
        <label class="checkbox" key={choice}>
          <input
            type="radio"
            name="badge"
            value={choice}
            checked={mode === choice}
            onChange={() => void save('badge', () => choice)}
          />
          {t(BADGE_MODE_LABELS[choice])}
        </label>
      ))}
      <SaveNote state={states.badge} />
      {accounts.length > 1 && (
        <fieldset class="badge-account">
          <legend>{t('badgeWhichAccount')}</legend>
          {choices.map(({ value, label }) => (
            <label class="checkbox" key={value}>
              <input
                type="radio"
                name="badge-account"
                value={value}
                checked={(chosen ?? '') === value}
                onChange={() => void save('badgeAccount', () => (value === '' ? undefined : value))}
              />
              {label}
            </label>
          ))}
          <SaveNote state={states.badgeAccount} />
        </fieldset>
      )}
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
