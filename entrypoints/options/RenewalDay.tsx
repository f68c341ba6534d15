import { CommittedInput } from '@/components/CommittedInput';
import { SaveNote } from '@/components/SaveNote';
import { useAutosave } from '@/components/use-autosave';
import { FIRST_ACCOUNT } from '@/lib/account/account-id';
import { inferredRenewalDay } from '@/lib/foresight/next-reset';
import { parseRenewalDayInput, renewalDayItems } from '@/lib/foresight/settings';
import { formatDate } from '@/lib/display/format';
import type { ResetWindow } from '@/lib/history/points';
import { t } from '@/lib/platform/i18n';
import type { StorageItem } from '@/lib/platform/storage';

interface RenewalSetting {
  renewalDay: number | null;
}

const settings = new Map<string, StorageItem<RenewalSetting>>();

/** An account's renewal day as a one-field setting, so it saves itself like the others. */
function renewalSetting(account: string): StorageItem<RenewalSetting> {
  const known = settings.get(account);
  if (known) return known;
  const day = renewalDayItems(account);
  const item: StorageItem<RenewalSetting> = {
    storageKeys: day.storageKeys,
    readFrom: (values) => {
      const read = day.readFrom(values);
      return read && { value: { renewalDay: read.value } };
    },
    get: async () => ({ renewalDay: await day.get() }),
    set: (value) => day.set(value.renewalDay),
    remove: () => day.remove(),
    watch: (callback) => day.watch((renewalDay) => callback({ renewalDay })),
  };
  settings.set(account, item);
  return item;
}

/** The first account keeps the field's id of the single-key page. */
export const renewalFieldId = (account: string) =>
  account === FIRST_ACCOUNT ? 'renewal-day' : `renewal-day-${account}`;

/** One account's renewal day: set by the user, or the day detected from that account's resets. */
export function RenewalDay({ account, resets, locale }: { account: string; resets: ResetWindow[]; locale: string }) {
  const { shown, states, save, invalid } = useAutosave(renewalSetting(account), { renewalDay: null });
  const inferred = inferredRenewalDay(resets);
  const id = renewalFieldId(account);
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
        ? t('renewalDetected', formatDate(inferred.detectedAt, Date.now(), locale))
        : t('renewalUnknown');
  return (
    <>
      <div class="renewal-row">
        <label for={id}>{t('renewalDayLabel')}</label>
        <CommittedInput
          id={id}
          name={id}
          inputMode="numeric"
          value={String(shown.renewalDay ?? inferred?.day ?? '')}
          onCommit={commit}
          aria-describedby={`${id}-after ${id}-note ${id}-help`}
          aria-invalid={states.renewalDay?.kind === 'invalid'}
        />
        <span id={`${id}-after`}>{t('renewalDayAfter')}</span>
        <SaveNote id={`${id}-note`} state={states.renewalDay} invalid={t('renewalDayInvalid')} />
      </div>
      <p id={`${id}-help`} class="help">
        {help}
      </p>
    </>
  );
}
