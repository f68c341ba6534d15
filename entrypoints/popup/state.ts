import { readStored } from '@/lib/platform/storage';
import { settingsItem } from '@/lib/alerts/settings';
import { pollStatusItem } from '@/lib/polling/status';
import { snapshotItem } from '@/lib/account/usage';
import { apiKeyItem } from '@/lib/account/key';
import { uiLanguage, type ShownLanguage } from '@/lib/platform/i18n';
import type { PollStatus } from '@/lib/polling/status';
import type { Settings } from '@/lib/alerts/settings';
import type { UsageSnapshot } from '@/lib/account/usage';

export interface PopupState {
  /** The language the messages are in: every number and date follows it, and the page's `lang`. */
  locale: string;
  dir: ShownLanguage['dir'];
  key: string | null;
  snapshot: UsageSnapshot | null;
  status: PollStatus | null;
  settings: Settings;
}

export async function loadPopupState(): Promise<PopupState> {
  const { key, snapshot, status, settings } = await readStored({
    key: apiKeyItem,
    snapshot: snapshotItem,
    status: pollStatusItem,
    settings: settingsItem,
  });
  return { ...uiLanguage(), key, snapshot, status, settings };
}
