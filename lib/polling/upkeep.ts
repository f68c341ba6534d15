import { checkOnReturnAt, checksInLastDay, nextCheckForChoice, repeatMinutes, watchesSpending } from './check-policy';
import type { PollerContext } from './context';
import { waitsForAccess } from './failures';
import { describe, redraw } from './record';
import { waitsForUser } from './requests';
import { settleStoredTimes } from './settle-clock';
import { isFailure } from './status';
import { isWaitingForUser } from './transitions';

// Keeping the schedule true: at a worker's start, after the clock jumps, a change of settings, a person's return.

/** Times stored ahead of a clock set back since: pulled back, and the alarm set again. */
export const settleClock = ({ deps, serial }: PollerContext) =>
  serial.exclusive(() => settleStoredTimes(deps.store, deps));

/**
 * Worker start: redraw the badge from storage (browsers do not keep it) and
 * make sure the schedule survived; poll only if there is nothing to show yet.
 */
export async function resume(context: PollerContext): Promise<void> {
  const { deps, poll } = context;
  const { store } = deps;
  await redraw(deps);
  // The badge's tooltip tells the times too.
  if (await settleClock(context)) await redraw(deps);
  const [key, status, snapshot] = await Promise.all([store.apiKey.get(), store.status.get(), store.snapshot.get()]);
  if (await waitsForUser(deps, key, status)) return;
  // Nothing to show yet, or access came back while the worker was asleep.
  if ((!snapshot && !status) || (isFailure(status) && waitsForAccess(status.kind))) return poll();
  if (!(await deps.isScheduled())) {
    const { checkEveryMinutes } = await store.insightSettings.get();
    await deps.schedule(status?.nextAt ?? deps.now(), repeatMinutes(checkEveryMinutes));
  }
}

/**
 * The user changed the look-ahead settings: the badge may count something else, the
 * renewal day changes the forecast's words, and a new interval takes effect from now.
 */
export async function insightSettingsChanged({ deps }: PollerContext): Promise<void> {
  const { store } = deps;
  await redraw(deps);
  await describe(deps);
  const [key, status, settings, memory] = await Promise.all([
    store.apiKey.get(),
    store.status.get(),
    store.insightSettings.get(),
    store.insightAlertMemory.get(),
  ]);
  if (isWaitingForUser(key, status) || isFailure(status) || !status) return;
  const { checkEveryMinutes } = settings;
  const last = { ...status, checkedAt: Math.min(status.checkedAt, deps.now()) };
  await deps.schedule(
    nextCheckForChoice(last, checkEveryMinutes, watchesSpending(memory, settings)),
    repeatMinutes(checkEveryMinutes),
  );
}

/**
 * The person came back to the screen: with Automatic, a badge older than a few minutes is
 * checked at once, a younger one when it gets that old (unless a poll in flight plans anew).
 */
export async function personReturned({ deps, serial, poll, isPolling }: PollerContext): Promise<void> {
  const { store } = deps;
  const checkNow = await serial.exclusive(async () => {
    const [status, history, { checkEveryMinutes }] = await Promise.all([
      store.status.get(),
      store.history.get(),
      store.insightSettings.get(),
    ]);
    const now = deps.now();
    const at = checkOnReturnAt(checkEveryMinutes, status, now, checksInLastDay(history.points, now));
    if (at === null || at <= now) return at !== null;
    if (!isPolling()) await deps.schedule(at, repeatMinutes(checkEveryMinutes));
    return false;
  });
  if (checkNow) await poll();
}
