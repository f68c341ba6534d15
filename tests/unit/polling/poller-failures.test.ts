import { describe, expect, it } from 'vitest';
import { createPoller } from '@/lib/polling/poller';
import { settingsItem } from '@/lib/alerts/settings';
import { pollStatusItem } from '@/lib/polling/status';
import { snapshotItem } from '@/lib/account/usage';
import { BACKOFF_CAP_MS, MIN_REFRESH_GAP_MS, POLL_INTERVAL_MS } from '@/lib/polling/schedule';
import { T0, afterGap, answer, connect, freshPollerEachTest, h } from './poller-harness';

freshPollerEachTest();

describe('failures keep the last good numbers', () => {
  it.each(['server', 'network', 'rate-limited', 'bad-response'] as const)(
    'after a %s failure the badge keeps its number, marked stale',
    async (kind) => {
      await connect();
      h.clock.now += POLL_INTERVAL_MS;
      h.queue(answer.failure(kind));
      await h.poller.poll();
      expect((await snapshotItem.get())?.fetchedAt).toBe(T0);
      expect(h.lastView()).toMatchObject({ kind: 'stale', failure: { kind, since: T0 + POLL_INTERVAL_MS } });
    },
  );

  it('backs off while failures continue and returns to the normal schedule after a success', async () => {
    await connect();
    const delays: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      h.queue(answer.failure('server'));
      await h.poller.poll();
      delays.push(h.schedule.at! - h.clock.now);
      h.clock.now = h.schedule.at!;
    }
    expect(delays).toEqual([1, 2, 4, 8, 16, 30].map((m) => m * 60_000));
    expect(Math.max(...delays)).toBe(BACKOFF_CAP_MS);
    expect(await pollStatusItem.get()).toMatchObject({ kind: 'server', attempts: 6, since: T0 });
    h.queue(answer.usage());
    await h.poller.poll();
    expect(h.schedule.at).toBe(h.clock.now + POLL_INTERVAL_MS);
    expect(h.lastView().kind).toBe('normal');
  });

  it('honours Retry-After and does not let a popup refresh jump the queue', async () => {
    await connect();
    h.queue(answer.failure('rate-limited', 600_000));
    await h.poller.poll();
    expect(h.schedule.at).toBe(T0 + 600_000);
    h.clock.now += 60_000;
    expect(await h.poller.refresh()).toEqual({ result: 'too-soon', at: T0 + 600_000 });
    expect(h.requests).toHaveLength(2);
  });

  it('stops polling after a 401 and clears the numbers of the rejected key', async () => {
    await connect();
    h.queue(answer.failure('unauthorized'));
    await h.poller.poll();
    expect(await snapshotItem.get()).toBeNull();
    expect(h.lastView().kind).toBe('rejected');
    expect(h.schedule.at).toBeNull();
    afterGap();
    expect(await h.poller.refresh()).toEqual({ result: 'idle' });
    await h.poller.resume();
    await h.poller.poll();
    await createPoller(h.deps).poll();
    expect(h.requests).toHaveLength(2);
  });

  it('retries at once when the network comes back', async () => {
    await connect();
    h.queue(answer.failure('network'));
    await h.poller.poll();
    h.queue(answer.usage({ remainingCredits: 1000 }));
    await h.poller.reconnect();
    expect(h.requests).toHaveLength(3);
    expect(h.lastView().kind).toBe('normal');
  });

  it('does not poll on reconnect when nothing failed', async () => {
    await connect();
    await h.poller.reconnect();
    expect(h.requests).toHaveLength(1);
  });

  it('records an unexpected error and keeps the schedule going', async () => {
    h.breakAnnouncements();
    await expect(connect({ remainingCredits: 3 })).rejects.toThrow('notification service crashed');
    expect(await pollStatusItem.get()).toMatchObject({ kind: 'internal' });
    expect(h.schedule.at).toBeGreaterThan(T0);
    expect((await snapshotItem.get())?.usage.remainingCredits).toBe(3);
  });

  it('turns an exception from the API client into a recorded failure', async () => {
    await connect();
    h.queue(() => Promise.reject(new Error('boom')));
    await h.poller.poll();
    expect(h.lastView()).toMatchObject({ kind: 'stale', failure: { kind: 'internal' } });
  });
});

describe('requests a person can cause', () => {
  it('joins a refresh to the poll already in flight', async () => {
    await connect();
    afterGap();
    h.queue(answer.usage());
    await Promise.all([h.poller.poll(), h.poller.refresh(), h.poller.poll()]);
    expect(h.requests).toHaveLength(2);
  });

  it('sends one request for any number of refreshes within the minimum gap, and says when the next can go', async () => {
    await connect();
    afterGap();
    h.queue(answer.usage());
    expect(await h.poller.refresh()).toEqual({ result: 'checked' });
    const checkedAt = h.clock.now;
    for (let i = 0; i < 40; i += 1) {
      h.clock.now += 500;
      expect(await h.poller.refresh()).toEqual({ result: 'too-soon', at: checkedAt + MIN_REFRESH_GAP_MS });
    }
    expect(h.requests).toHaveLength(2);
    h.clock.now = checkedAt + MIN_REFRESH_GAP_MS;
    h.queue(answer.usage());
    expect(await h.poller.refresh()).toEqual({ result: 'checked' });
    expect(h.requests).toHaveLength(3);
  });
});

describe('low-credit alerts', () => {
  async function pollWith(remainingCredits: number) {
    h.queue(answer.usage({ remainingCredits }));
    await h.poller.poll();
  }

  it('alerts once at the threshold crossing and once at zero', async () => {
    await connect();
    for (const remaining of [500, 100, 90, 50, 0, 0]) await pollWith(remaining);
    expect(h.announced).toEqual(['low', 'empty']);
  });

  it('alerts again only after credits rose above the threshold', async () => {
    await connect();
    for (const remaining of [80, 70, 1200, 60]) await pollWith(remaining);
    expect(h.announced).toEqual(['low', 'low']);
  });

  it('keeps its promise across a worker restart', async () => {
    await connect({ remainingCredits: 50 });
    const restarted = createPoller(h.deps);
    h.queue(answer.usage({ remainingCredits: 40 }));
    await restarted.poll();
    expect(h.announced).toEqual(['low']);
  });

  it('uses the threshold the user set', async () => {
    await settingsItem.set({ threshold: 600, notifications: true });
    await connect({ remainingCredits: 550 });
    expect(h.announced).toEqual(['low']);
    expect(h.lastView()).toMatchObject({ kind: 'low', threshold: 600 });
  });

  it('stays silent when notifications are off', async () => {
    await settingsItem.set({ threshold: null, notifications: false });
    await connect({ remainingCredits: 5 });
    await pollWith(0);
    expect(h.announced).toEqual([]);
    expect(h.lastView().kind).toBe('empty');
  });
});
