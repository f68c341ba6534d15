import { describe, expect, it } from 'vitest';
import { createPoller } from '@/lib/polling/poller';
import { EMPTY_HISTORY } from '@/lib/history/points';
import { historyItem } from '@/lib/history/stored';
import { insightSettingsItem, DEFAULT_INSIGHT_SETTINGS } from '@/lib/foresight/settings';
import { insightsViewItem } from '@/lib/foresight/block-item';
import { snapshotItem } from '@/lib/account/usage';
import { POLL_INTERVAL_MS } from '@/lib/polling/schedule';
import { KEY, OTHER_KEY, usage } from '../helpers';
import { T0, answer, connect, freshPollerEachTest, h } from './poller-harness';

freshPollerEachTest();

describe('usage history and look-ahead', () => {
  it('adds every good answer to the history and stores the popup’s forecast block', async () => {
    await connect();
    h.clock.now += POLL_INTERVAL_MS;
    h.queue(answer.usage({ remainingCredits: 1070, creditsUsed: 130 }));
    await h.poller.poll();
    expect((await historyItem.get()).points.map((p) => [p.at, p.remaining])).toEqual([
      [T0, 1080],
      [T0 + POLL_INTERVAL_MS, 1070],
    ]);
    expect(await insightsViewItem.get()).toMatchObject({
      computedAt: T0 + POLL_INTERVAL_MS,
      view: { forecast: { kind: 'no-spending', basisDays: 2 }, remaining: 1070 },
    });
  });

  it('leaves the history alone when a check fails', async () => {
    await connect();
    h.queue(answer.failure('server'));
    await h.poller.poll();
    expect((await historyItem.get()).points).toHaveLength(1);
  });

  it('clears the history with the key', async () => {
    await connect();
    await h.poller.removeKey();
    expect(await historyItem.get()).toEqual(EMPTY_HISTORY);
    expect(await insightsViewItem.get()).toBeNull();
  });

  it('keeps the history for a rolled key of the same account, drops it for another account', async () => {
    await connect();
    h.clock.now += POLL_INTERVAL_MS;
    h.queue(answer.usage({ creditsUsed: 125, remainingCredits: 1075 }));
    await h.poller.saveKey({ key: OTHER_KEY, force: false });
    expect((await historyItem.get()).points).toHaveLength(2);

    h.clock.now += POLL_INTERVAL_MS;
    h.queue(answer.usage({ plan: 'agency', creditsMonthly: 10_000, creditsUsed: 5, remainingCredits: 9_995 }));
    await h.poller.saveKey({ key: KEY, force: false });
    expect((await historyItem.get()).points.map((p) => p.remaining)).toEqual([9_995]);
  });

  /** A month of one account's readings, then the dashboard rolls the key while FluxImage is down. */
  async function saveRolledKeyAnyway() {
    await connect();
    h.clock.now += POLL_INTERVAL_MS;
    h.queue(answer.usage({ creditsUsed: 125, remainingCredits: 1075 }));
    await h.poller.poll();
    h.queue(answer.failure('server'));
    expect(await h.poller.saveKey({ key: OTHER_KEY, force: true })).toMatchObject({
      result: 'unverified',
      saved: true,
    });
  }

  /** FluxImage answers again, to a worker started since (the decision was stored, not remembered). */
  async function nextAnswer(changes: Parameters<typeof usage>[0]) {
    h.clock.now = h.schedule.at!;
    h.queue(answer.usage(changes));
    await createPoller(h.deps).poll();
  }

  it('a key saved anyway keeps the history until its first answer, which continues it', async () => {
    await saveRolledKeyAnyway();
    expect((await historyItem.get()).points).toHaveLength(2);
    expect(await snapshotItem.get()).toBeNull();
    await nextAnswer({ creditsUsed: 130, remainingCredits: 1070 });
    expect((await historyItem.get()).points.map((p) => p.remaining)).toEqual([1080, 1075, 1070]);
  });

  it('a key saved anyway that turns out to be another account’s starts the history again at its first answer', async () => {
    await saveRolledKeyAnyway();
    await nextAnswer({ plan: 'agency', creditsMonthly: 10_000, creditsUsed: 5, remainingCredits: 9_995 });
    expect((await historyItem.get()).points.map((p) => p.remaining)).toEqual([9_995]);
  });

  it('only the first answer decides: a later change of plan keeps the history', async () => {
    await saveRolledKeyAnyway();
    await nextAnswer({ creditsUsed: 130, remainingCredits: 1070 });
    await nextAnswer({ plan: 'agency', creditsMonthly: 10_000, creditsUsed: 130, remainingCredits: 9_870 });
    expect((await historyItem.get()).points.map((p) => p.remaining)).toEqual([1080, 1075, 1070, 9_870]);
  });

  it('checks as often as the user chose', async () => {
    await insightSettingsItem.set({ ...DEFAULT_INSIGHT_SETTINGS, checkEveryMinutes: 60 });
    await connect();
    expect(h.schedule).toEqual({ at: T0 + 60 * 60_000, every: 60 });
  });

  it('moves the next check when the interval changes', async () => {
    await connect();
    await insightSettingsItem.set({ ...DEFAULT_INSIGHT_SETTINGS, checkEveryMinutes: 5 });
    await h.poller.insightSettingsChanged();
    expect(h.schedule).toEqual({ at: T0 + 5 * 60_000, every: 5 });
  });

  it('says once that the key stopped working, and again only after it worked in between', async () => {
    await connect();
    h.queue(answer.failure('unauthorized'));
    await h.poller.poll();
    expect(h.announced).toEqual(['keyRejected']);
    h.queue(answer.usage());
    await h.poller.saveKey({ key: KEY, force: false });
    h.queue(answer.failure('unauthorized'));
    await h.poller.poll();
    expect(h.announced).toEqual(['keyRejected', 'keyRejected']);
  });

  it('stays silent about a rejected key when that notification is off', async () => {
    await insightSettingsItem.set({
      ...DEFAULT_INSIGHT_SETTINGS,
      notify: { ...DEFAULT_INSIGHT_SETTINGS.notify, keyRejected: false },
    });
    await connect();
    h.queue(answer.failure('unauthorized'));
    await h.poller.poll();
    expect(h.announced).toEqual([]);
  });

  it('says when compressions are used up for the period', async () => {
    await connect({ plan: 'starter', compressionsLimit: 200, compressionsUsed: 199 });
    h.queue(answer.usage({ plan: 'starter', compressionsLimit: 200, compressionsUsed: 200, canCompress: false }));
    await h.poller.poll();
    h.queue(answer.usage({ plan: 'starter', compressionsLimit: 200, compressionsUsed: 200, canCompress: false }));
    await h.poller.poll();
    expect(h.announced).toEqual(['compressionsUsedUp']);
  });
});
