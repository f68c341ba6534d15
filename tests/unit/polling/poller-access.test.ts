import { describe, expect, it, vi } from 'vitest';
import { createPoller } from '@/lib/polling/poller';
import { pollStatusItem } from '@/lib/polling/status';
import { apiKeyItem } from '@/lib/account/key';
import { POLL_INTERVAL_MS } from '@/lib/polling/schedule';
import { KEY, usage } from '../helpers';
import { T0, afterGap, answer, connect, freshPollerEachTest, h, slow } from './poller-harness';

freshPollerEachTest();

describe('access to FluxImage withheld or revoked', () => {
  /** Access taken away in the browser, and the background told of it. */
  async function revoke() {
    h.access.granted = false;
    await h.poller.accessChanged();
  }

  it('stops polling at once, keeps the last numbers and says access is off', async () => {
    await connect();
    h.clock.now += 60_000;
    await revoke();
    expect(h.lastView()).toMatchObject({
      kind: 'access-off',
      failure: { kind: 'access-off', nextAt: null },
      snapshot: { usage: expect.objectContaining({ remainingCredits: 1080 }) },
    });
    expect(h.schedule.at).toBeNull();
  });

  it('asks FluxImage nothing while access is off: not on alarms, refreshes or worker starts', async () => {
    await connect();
    await revoke();
    afterGap();
    await h.poller.poll();
    expect(await h.poller.refresh()).toEqual({ result: 'idle' });
    await createPoller(h.deps).resume();
    await h.poller.reconnect();
    expect(h.requests).toEqual([KEY]);
    expect(h.lastView().kind).toBe('access-off');
  });

  it('polls at once when access is granted again, and returns to the normal schedule', async () => {
    await connect();
    await revoke();
    h.clock.now += 5 * 60_000;
    h.access.granted = true;
    h.queue(answer.usage({ remainingCredits: 900 }));
    await h.poller.accessChanged();
    expect(h.requests).toEqual([KEY, KEY]);
    expect(h.lastView()).toMatchObject({ kind: 'normal', failure: null });
    expect(h.schedule.at).toBe(h.clock.now + POLL_INTERVAL_MS);
  });

  it('finds out before asking: a poll without access sends nothing and records why', async () => {
    await connect();
    h.access.granted = false;
    h.clock.now += POLL_INTERVAL_MS;
    await h.poller.poll();
    expect(h.requests).toEqual([KEY]);
    expect(h.lastView().kind).toBe('access-off');
    expect(h.schedule.at).toBeNull();
  });

  it('reads a request that failed for want of access as access off, not as a network error', async () => {
    await connect();
    h.clock.now += POLL_INTERVAL_MS;
    // Revoked while the request was on its way: the browser fails it like a network error.
    h.queue(async () => {
      h.access.granted = false;
      return { ok: false, kind: 'network' };
    });
    await h.poller.poll();
    expect(h.lastView().kind).toBe('access-off');
    expect(h.schedule.at).toBeNull();
  });

  it('an answer arriving after access was withdrawn leaves access off', async () => {
    await connect();
    h.clock.now += POLL_INTERVAL_MS;
    const late = slow(answer.usage({ remainingCredits: 900 }));
    h.queue(late.answer);
    const polling = h.poller.poll();
    await vi.waitFor(() => expect(h.requests).toHaveLength(2));
    await revoke();
    late.release();
    await polling;
    expect(h.lastView()).toMatchObject({ kind: 'access-off', snapshot: { usage: { remainingCredits: 1080 } } });
    expect(await pollStatusItem.get()).toMatchObject({ kind: 'access-off', nextAt: null });
    expect(h.schedule.at).toBeNull();
  });

  it('an answer is not recorded as fresh once access is off, even before the browser says so', async () => {
    await connect();
    h.clock.now += POLL_INTERVAL_MS;
    h.queue(async () => {
      h.access.granted = false;
      return { ok: true, usage: usage({ remainingCredits: 900 }) };
    });
    await h.poller.poll();
    expect(h.lastView().kind).toBe('access-off');
    expect(h.schedule.at).toBeNull();
  });

  it('a key checked just before access was withdrawn is kept, and the pages say access is off', async () => {
    h.queue(async () => {
      h.access.granted = false;
      return { ok: true, usage: usage() };
    });
    expect(await h.poller.saveKey({ key: KEY, force: false })).toMatchObject({ result: 'connected' });
    expect(await apiKeyItem.get()).toBe(KEY);
    expect(h.lastView().kind).toBe('access-off');
    expect(h.schedule.at).toBeNull();
  });

  it('still backs off after a real network error', async () => {
    await connect();
    h.queue(answer.failure('network'));
    await h.poller.poll();
    expect(h.lastView().kind).toBe('stale');
    expect(h.schedule.at).toBeGreaterThan(T0);
  });

  it('resumes polling on worker start if access came back while it slept', async () => {
    await connect();
    await revoke();
    h.access.granted = true;
    h.queue(answer.usage());
    await createPoller(h.deps).resume();
    expect(h.requests).toHaveLength(2);
    expect(h.lastView().kind).toBe('normal');
  });

  it('does not check a new key without access, and says why', async () => {
    h.access.granted = false;
    expect(await h.poller.saveKey({ key: KEY, force: false })).toEqual({
      result: 'unverified',
      kind: 'access-off',
      saved: false,
    });
    expect(h.requests).toEqual([]);
  });

  it('ignores permission changes that leave access as it was', async () => {
    await connect();
    await h.poller.accessChanged();
    expect(h.requests).toEqual([KEY]);
    expect(h.lastView().kind).toBe('normal');
  });

  it('without a key, a revocation changes nothing: there is nothing to poll', async () => {
    await revoke();
    expect(await pollStatusItem.get()).toBeNull();
    expect(h.views).toEqual([]);
  });
});
