import { describe, expect, it, vi } from 'vitest';
import { createPoller } from '@/lib/polling/poller';
import { historyItem } from '@/lib/history/stored';
import { alertMemoryItem } from '@/lib/alerts/credit-level';
import { pollStatusItem } from '@/lib/polling/status';
import { snapshotItem } from '@/lib/account/usage';
import { apiKeyItem } from '@/lib/account/key';
import { POLL_INTERVAL_MS } from '@/lib/polling/schedule';
import { KEY, OTHER_KEY } from '../helpers';
import { T0, afterGap, answer, connect, freshPollerEachTest, h, slow, type Answer } from './poller-harness';

freshPollerEachTest();

describe('without a key', () => {
  it('makes no request and invites the user to set one', async () => {
    await h.poller.poll();
    expect(await h.poller.refresh()).toEqual({ result: 'idle' });
    expect(h.requests).toEqual([]);
    expect(h.lastView().kind).toBe('no-key');
    expect(h.schedule.at).toBeNull();
  });
});

describe('saving a key', () => {
  it('verifies it with one request and reports the plan and credits', async () => {
    const result = await connect();
    expect(result).toEqual({
      result: 'connected',
      usage: expect.objectContaining({ plan: 'pro', remainingCredits: 1080 }),
    });
    expect(h.requests).toEqual([KEY]);
    expect(await apiKeyItem.get()).toBe(KEY);
    expect(await snapshotItem.get()).toEqual({
      usage: expect.objectContaining({ remainingCredits: 1080 }),
      fetchedAt: T0,
    });
    expect(h.lastView().kind).toBe('normal');
    expect(h.schedule.at).toBe(T0 + POLL_INTERVAL_MS);
  });

  it('does not store a key that FluxImage rejects, and keeps the previous one', async () => {
    await connect();
    h.queue(answer.failure('unauthorized'));
    expect(await h.poller.saveKey({ key: OTHER_KEY, force: false })).toEqual({ result: 'rejected' });
    expect(await apiKeyItem.get()).toBe(KEY);
    expect((await snapshotItem.get())?.usage.remainingCredits).toBe(1080);
  });

  it.each(['server', 'timeout', 'network', 'bad-response', 'rate-limited'] as const)(
    'keeps the working key when the new one cannot be checked (%s)',
    async (kind) => {
      await connect();
      h.queue(answer.failure(kind));
      expect(await h.poller.saveKey({ key: OTHER_KEY, force: false })).toEqual({
        result: 'unverified',
        kind,
        saved: false,
      });
      expect(await apiKeyItem.get()).toBe(KEY);
      expect((await snapshotItem.get())?.usage.remainingCredits).toBe(1080);
      expect(h.lastView().kind).toBe('normal');
    },
  );

  it('stores an unconfirmed key when the user saves it anyway, and keeps trying', async () => {
    await connect();
    h.queue(answer.failure('server'));
    expect(await h.poller.saveKey({ key: OTHER_KEY, force: true })).toEqual({
      result: 'unverified',
      kind: 'server',
      saved: true,
    });
    expect(await apiKeyItem.get()).toBe(OTHER_KEY);
    expect(await snapshotItem.get()).toBeNull();
    expect(h.lastView().kind).toBe('unreachable');
    expect(h.schedule.at).toBeGreaterThan(T0);
  });

  it('never stores a rejected key, even when saved anyway', async () => {
    h.queue(answer.failure('unauthorized'));
    expect(await h.poller.saveKey({ key: KEY, force: true })).toEqual({ result: 'rejected' });
    expect(await apiKeyItem.get()).toBeNull();
  });

  it('starts afresh with a different key: old numbers and alert memory are dropped', async () => {
    await connect({ remainingCredits: 5 });
    expect(await alertMemoryItem.get()).toBe('low');
    h.queue(answer.usage({ remainingCredits: 900 }));
    await h.poller.saveKey({ key: OTHER_KEY, force: false });
    expect(await alertMemoryItem.get()).toBe('normal');
    expect((await snapshotItem.get())?.usage.remainingCredits).toBe(900);
  });

  it('reports a storage failure instead of success, and stores nothing', async () => {
    const full = { ...apiKeyItem, set: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')) };
    const poller = createPoller({ ...h.deps, store: { ...h.deps.store, apiKey: full } });
    h.queue(answer.usage());
    await expect(poller.saveKey({ key: KEY, force: false })).rejects.toThrow(/QUOTA/);
    expect(await apiKeyItem.get()).toBeNull();
  });
});

describe('the last key action wins', () => {
  it('a removal during a slow check keeps the key removed', async () => {
    await connect();
    const check = slow(answer.usage({ remainingCredits: 7 }));
    h.queue(check.answer);
    const saving = h.poller.saveKey({ key: OTHER_KEY, force: false });
    await h.poller.removeKey();
    check.release();
    expect(await saving).toEqual({ result: 'superseded' });
    expect(await apiKeyItem.get()).toBeNull();
    expect(await snapshotItem.get()).toBeNull();
    expect(h.lastView().kind).toBe('no-key');
  });

  it('of two saves, the later one is kept even when its answer comes first', async () => {
    const first = slow(answer.usage({ remainingCredits: 111 }));
    h.queue(first.answer, answer.usage({ remainingCredits: 222 }));
    const earlier = h.poller.saveKey({ key: KEY, force: false });
    const later = await h.poller.saveKey({ key: OTHER_KEY, force: false });
    first.release();
    expect(later).toMatchObject({ result: 'connected' });
    expect(await earlier).toEqual({ result: 'superseded' });
    expect(await apiKeyItem.get()).toBe(OTHER_KEY);
    expect((await snapshotItem.get())?.usage.remainingCredits).toBe(222);
  });

  it('throws away a poll answer that arrives after the key was removed', async () => {
    await connect();
    const late = slow(answer.usage({ remainingCredits: 7 }));
    h.queue(late.answer);
    const polling = h.poller.poll();
    await h.poller.removeKey();
    late.release();
    await polling;
    expect(await snapshotItem.get()).toBeNull();
    expect(h.lastView().kind).toBe('no-key');
  });
});

describe('answers are recorded only for the key stored when they arrive', () => {
  /** The dashboard rolled the key; FluxImage is slow. A refresh starts after the save did, before it stored the key. */
  async function refreshDuringSave(saveAnswer: Answer, refreshAnswer: Answer) {
    await connect();
    afterGap();
    const save = slow(saveAnswer);
    const refresh = slow(refreshAnswer);
    h.queue(save.answer, refresh.answer);
    const saving = h.poller.saveKey({ key: OTHER_KEY, force: false });
    const refreshing = h.poller.refresh();
    await vi.waitFor(() => expect(h.requests).toEqual([KEY, OTHER_KEY, KEY]));
    save.release();
    const saved = await saving;
    refresh.release();
    await refreshing;
    return saved;
  }

  it('the old key refused during the save of the new one does not reject the new one', async () => {
    const saved = await refreshDuringSave(answer.usage({ remainingCredits: 333 }), answer.failure('unauthorized'));
    expect(saved).toMatchObject({ result: 'connected', usage: { remainingCredits: 333 } });
    expect(await apiKeyItem.get()).toBe(OTHER_KEY);
    expect(await pollStatusItem.get()).toMatchObject({ kind: 'ok' });
    expect(h.lastView()).toMatchObject({ kind: 'normal', snapshot: { usage: { remainingCredits: 333 } } });
    expect(h.announced).toEqual([]);
    expect(h.schedule.at).toBe(h.clock.now + POLL_INTERVAL_MS);
  });

  it('an old key that still works (another account) does not put its numbers over the new key’s', async () => {
    const agency = { plan: 'agency', creditsMonthly: 10_000, creditsUsed: 5, remainingCredits: 9_995 } as const;
    await refreshDuringSave(answer.usage(agency), answer.usage({ remainingCredits: 1080 }));
    expect((await snapshotItem.get())?.usage.remainingCredits).toBe(9_995);
    expect((await historyItem.get()).points.map((p) => p.remaining)).toEqual([9_995]);
    expect(h.lastView().snapshot?.usage.remainingCredits).toBe(9_995);
  });
});

describe('removing the key', () => {
  it('wipes the numbers, the error state and the alert memory, and stops polling', async () => {
    await connect({ remainingCredits: 5 });
    await h.poller.removeKey();
    expect(await apiKeyItem.get()).toBeNull();
    expect(await snapshotItem.get()).toBeNull();
    expect(await pollStatusItem.get()).toBeNull();
    expect(await alertMemoryItem.get()).toBe('normal');
    expect(h.schedule.at).toBeNull();
    expect(h.lastView().kind).toBe('no-key');
  });

  it('reports a failure to remove instead of saying it worked', async () => {
    await connect();
    const stuck = { ...apiKeyItem, remove: () => Promise.reject(new Error('storage is gone')) };
    const poller = createPoller({ ...h.deps, store: { ...h.deps.store, apiKey: stuck } });
    await expect(poller.removeKey()).rejects.toThrow();
    expect(await apiKeyItem.get()).toBe(KEY);
  });
});
