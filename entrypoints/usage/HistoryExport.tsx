import { useState } from 'preact/hooks';
import { describeActionError } from '@/components/action-error';
import { Notice } from '@/components/Notice';
import type { UsageHistory } from '@/lib/history/points';
import { historyItems } from '@/lib/history/stored';
import { FIRST_ACCOUNT } from '@/lib/account/account-id';
import { csvFileName, historyToCsv } from '@/lib/history/csv';
import { t } from '@/lib/platform/i18n';
import { formatDate } from '@/lib/display/format';
import { counted } from '@/lib/display/plural';

/** One account's usage history as a CSV download, and how much of it there is. */
export function HistoryExport({
  account,
  name,
  history,
  locale,
}: {
  account: string;
  /** The account's name, in the file's name. */
  name: string;
  history: UsageHistory;
  locale: string;
}) {
  const helpId = account === FIRST_ACCOUNT ? 'history-help' : `history-help-${account}`;
  const [exported, setExported] = useState<'empty' | { reason: string } | null>(null);

  const download = async () => {
    try {
      const current = await historyItems(account).get();
      if (current.points.length === 0) {
        setExported('empty');
        return;
      }
      const url = URL.createObjectURL(new Blob([historyToCsv(current)], { type: 'text/csv;charset=utf-8' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = csvFileName(Date.now(), name);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setExported(null);
    } catch (error) {
      setExported({ reason: describeActionError(error) });
    }
  };

  const first = history.points[0];
  return (
    <>
      <div class="row">
        <button type="button" onClick={download} aria-describedby={helpId}>
          {t('downloadHistory')}
        </button>
      </div>
      <p id={helpId} class="help">
        {first
          ? counted(t, locale, 'historyKept', history.points.length, formatDate(first.at, Date.now(), locale))
          : t('historyEmpty')}
      </p>
      <div aria-live="polite">
        {exported === 'empty' && <Notice tone="info">{t('historyEmpty')}</Notice>}
        {exported !== null && exported !== 'empty' && (
          <Notice tone="error">{t('downloadFailed', exported.reason)}</Notice>
        )}
      </div>
    </>
  );
}
