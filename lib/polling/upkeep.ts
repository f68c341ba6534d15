import { checkOnReturnAt, checksInLastDay, nextCheckForChoice, repeatMinutes } from './check-policy';
import type { PollerDeps } from './deps';
import { waitsForAccess } from './failures';
import type { Recorder } from './record';
import type { Requests } from './requests';
import type { Serial } from './serial';
import { settleStoredTimes } from './settle-clock';
import { isFailure } from './status';
import { isWaitingForUser } from './transitions';

interface UpkeepParts {
  deps: PollerDeps;
  serial: Serial;
  requests: Requests;
  recorder: Recorder;
  poll: () => Promise<void>;
  isPolling: () => boolean;
}

/** Keeping the schedule true: at a worker's start, after the clock jumps, a change of settings, a person's return. */
export function createUpkeep({ deps, serial, requests, recorder, poll, isPolling }: UpkeepParts) {
  const { store } = deps;

  /** Times stored ahead of a clock set back since: pulled back, and the alarm set again. */
  const settleClock = () => serial.exclusive(() => settleStoredTimes(store, deps));

  /**
   * Worker start: redraw the badge from storage (browsers do not keep it) and
   * make sure the schedule survived; poll only if there is nothing to show yet.
   */
  async function resume(): Promise<void> {
    await recorder.redraw();
    // The badge's tooltip tells the times too.
    if (await settleClock()) await recorder.redraw();
    const [key, status, snapshot] = await Promise.all([store.apiKey.get(), store.status.get(), store.snapshot.get()]);
    if (await requests.waitsForUser(key, status)) return;
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
  async function insightSettingsChanged(): Promise<void> {
    await recorder.redraw();
    await recorder.describe();
    const [key, status, { checkEveryMinutes }] = await Promise.all([
      store.apiKey.get(),
      store.status.get(),
      store.insightSettings.get(),
    ]);
    if (isWaitingForUser(key, status) || isFailure(status) || !status) return;
    await deps.schedule(
      nextCheckForChoice({ ...status, checkedAt: Math.min(status.checkedAt, deps.now()) }, checkEveryMinutes),
      repeatMinutes(checkEveryMinutes),
    );
  }

  /**
   * The person came back to the screen: with Automatic, a badge older than a few minutes is
   * checked at once, a younger one when it gets that old (unless a poll in flight plans anew).
   */
  async function personReturned(): Promise<void> {
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

  return { settleClock, resume, insightSettingsChanged, personReturned };
}
