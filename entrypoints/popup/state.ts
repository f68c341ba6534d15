import { apiKeyItem, pollStatusItem, readStored, settingsItem, snapshotItem } from '@/lib/storage';
import { uiLocale } from '@/lib/i18n';
import type { PollStatus } from '@/lib/status';
import type { Settings } from '@/lib/settings';
import type { UsageSnapshot } from '@/lib/usage';

export interface PopupState {
  locale: string;
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
  return { locale: uiLocale(), key, snapshot, status, settings };
}
