import { useEffect, useState } from 'preact/hooks';
import { describeActionError } from '@/components/action-error';
import { t } from '@/lib/platform/i18n';
import { send } from '@/lib/platform/messages';
import { earliestUserRefresh } from '@/lib/polling/schedule';
import type { PollStatus } from '@/lib/polling/status';

export interface Refresh {
  run: () => Promise<void>;
  running: boolean;
  /** Why the last refresh could not be asked for, in words; `null` when it could. */
  error: string | null;
}

/**
 * Refresh of `account`, asked of the background; on showing it too, unless its last check was too recent.
 * Stored times ahead of the clock (it was set back) are pulled back by the background when asked.
 */
export function useRefresh({
  account,
  key,
  status,
  now,
}: {
  account: string;
  key: string | null;
  status: PollStatus | null;
  now: number;
}) {
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      await send('refresh', { account });
    } catch (failure) {
      setError(t('refreshFailed', describeActionError(failure)));
    } finally {
      setRunning(false);
    }
  };
  useEffect(() => {
    const refreshAt = earliestUserRefresh(status, now);
    const tooSoon = refreshAt !== null && refreshAt > now;
    const clockSetBack = status !== null && status.checkedAt > now;
    if (key !== null && (!tooSoon || clockSetBack)) void run();
  }, []);
  return { run, running, error } satisfies Refresh;
}

/**
 * The current time, ticking every 30 s so "updated 3 min ago" stays true while open,
 * and once more at the time `wakeAt` gives for it (when Refresh becomes available again).
 */
export function useClock(wakeAt: (now: number) => number | null): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const at = wakeAt(now);
  useEffect(() => {
    if (at === null || at <= Date.now()) return;
    const timer = setTimeout(() => setNow(Date.now()), at - Date.now() + 50);
    return () => clearTimeout(timer);
  }, [at]);
  return now;
}
