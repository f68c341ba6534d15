import type { PollerDeps, PollerStore } from './deps';
import { repeatMinutes } from './check-policy';
import { settleStatus } from './schedule';

/**
 * Pulls stored times ahead of the clock (it was set back since they were stored) back to
 * it, and sets the alarm again: browsers fire alarms by the wall clock, so one set before
 * the jump would wait as long as the jump. Returns whether anything moved. Run it in the
 * poller's exclusive section, so it never writes over a check recorded meanwhile.
 */
export async function settleStoredTimes(
  store: Pick<PollerStore, 'status' | 'snapshot' | 'insightSettings'>,
  deps: Pick<PollerDeps, 'now' | 'schedule'>,
): Promise<boolean> {
  const now = deps.now();
  const [status, snapshot, { checkEveryMinutes }] = await Promise.all([
    store.status.get(),
    store.snapshot.get(),
    store.insightSettings.get(),
  ]);
  const every = repeatMinutes(checkEveryMinutes);
  const settled = settleStatus(status, now, every);
  const statusMoved = settled !== null && settled !== status;
  const snapshotAhead = snapshot !== null && snapshot.fetchedAt > now;
  await Promise.all([
    statusMoved ? store.status.set(settled) : undefined,
    snapshotAhead ? store.snapshot.set({ ...snapshot, fetchedAt: now }) : undefined,
  ]);
  if (statusMoved && settled.nextAt !== null) await deps.schedule(settled.nextAt, every);
  return statusMoved || snapshotAhead;
}
