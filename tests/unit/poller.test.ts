import { beforeEach, describe, expect, it } from 'vitest';
import { createPoller, type PollerDeps } from '@/lib/poller';
import { alertMemoryItem, apiKeyItem, extensionStore, pollStatusItem, settingsItem, snapshotItem } from '@/lib/storage';
import { BACKOFF_CAP_MS, POLL_INTERVAL_MS } from '@/lib/schedule';
import type { View } from '@/lib/view';
import { KEY, OTHER_KEY, SAMPLE_RESPONSE } from './helpers';

const T0 = Date.UTC(2026, 10, 25, 14, 0);

type Responder = () => Promise<Response>;

const answer = {
  usage:
    (changes: Record<string, unknown> = {}): Responder =>
    async () =>
      new Response(JSON.stringify({ ...SAMPLE_RESPONSE, ...changes }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      }),
  status:
    (status: number, headers: Record<string, string> = {}): Responder =>
    async () =>
      new Response(JSON.stringify({ error: 'x' }), {
        status,
        headers: { 'Content-Type': 'application/json', ...headers },
      }),
  offline: (): Responder => async () => {
    throw new TypeError('Failed to fetch');
  },
};

function setup() {
  const clock = { now: T0 };
  const responders: Responder[] = [];
  const requests: { url: string; authorization: string | null }[] = [];
  const views: View[] = [];
  const announced: string[] = [];
  const schedule: { at: number | null | undefined } = { at: undefined };
  let failAnnounce = false;
  const deps: PollerDeps = {
    origin: 'https://fluximage.app',
    fetch: async (input, init) => {
      requests.push({ url: String(input), authorization: new Headers(init?.headers).get('Authorization') });
      const next = responders.shift();
      if (!next) throw new Error('unexpected request');
      return next();
    },
    now: () => clock.now,
    random: () => 1,
    store: extensionStore,
    schedule: async (at) => {
      schedule.at = at;
    },
    isScheduled: async () => schedule.at !== undefined && schedule.at !== null,
    showView: async (view) => {
      views.push(view);
    },
    announce: async (level) => {
      if (failAnnounce) throw new Error('notification service crashed');
      announced.push(level);
    },
    clearAnnouncements: async () => {},
  };
  return {
    clock,
    requests,
    views,
    announced,
    schedule,
    deps,
    poller: createPoller(deps),
    queue: (...next: Responder[]) => responders.push(...next),
    lastView: () => views.at(-1)!,
    breakAnnouncements: () => {
      failAnnounce = true;
    },
  };
}

let h: ReturnType<typeof setup>;
beforeEach(() => {
  h = setup();
});

async function connect(changes: Record<string, unknown> = {}) {
  h.queue(answer.usage(changes));
  return h.poller.saveKey(KEY);
}

describe('without a key', () => {
  it('makes no request and invites the user to set one', async () => {
    await h.poller.poll();
    await h.poller.refresh();
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
    expect(h.requests).toEqual([{ url: 'https://fluximage.app/api/usage', authorization: `Bearer ${KEY}` }]);
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
    h.queue(answer.status(401));
    expect(await h.poller.saveKey(OTHER_KEY)).toEqual({ result: 'rejected' });
    expect(await apiKeyItem.get()).toBe(KEY);
    expect((await snapshotItem.get())?.usage.remainingCredits).toBe(1080);
  });

  it('stores a key it could not check yet, and says why', async () => {
    h.queue(answer.status(503));
    expect(await h.poller.saveKey(KEY)).toEqual({ result: 'unverified', kind: 'server' });
    expect(await apiKeyItem.get()).toBe(KEY);
    expect(h.lastView().kind).toBe('unreachable');
    expect(h.schedule.at).not.toBeNull();
  });

  it('starts afresh with a different key: old numbers and alert memory are dropped', async () => {
    await connect({ ia_credits_remaining: 5 });
    expect(await alertMemoryItem.get()).toBe('low');
    h.queue(answer.status(500));
    await h.poller.saveKey(OTHER_KEY);
    expect(await snapshotItem.get()).toBeNull();
    expect(await alertMemoryItem.get()).toBe('normal');
  });
});

describe('removing the key', () => {
  it('wipes the numbers, the error state and the alert memory, and stops polling', async () => {
    await connect({ ia_credits_remaining: 5 });
    await h.poller.removeKey();
    expect(await apiKeyItem.get()).toBeNull();
    expect(await snapshotItem.get()).toBeNull();
    expect(await pollStatusItem.get()).toBeNull();
    expect(await alertMemoryItem.get()).toBe('normal');
    expect(h.schedule.at).toBeNull();
    expect(h.lastView().kind).toBe('no-key');
  });

  it('throws away an answer that arrives after the key was removed', async () => {
    await connect();
    let release!: () => void;
    h.queue(
      () =>
        new Promise<Response>(
          (resolve) => (release = () => void answer.usage({ ia_credits_remaining: 7 })().then(resolve)),
        ),
    );
    const polling = h.poller.poll();
    await Promise.resolve();
    await h.poller.removeKey();
    release();
    await polling;
    expect(await snapshotItem.get()).toBeNull();
    expect(h.lastView().kind).toBe('no-key');
  });
});

describe('failures keep the last good numbers', () => {
  it.each([
    ['a server error', answer.status(500), 'server'],
    ['a network failure', answer.offline(), 'network'],
    ['a rate limit', answer.status(429), 'rate-limited'],
    ['an unknown answer', answer.status(404), 'bad-response'],
  ])('after %s the badge keeps its number, marked stale', async (_, responder, kind) => {
    await connect();
    h.clock.now += POLL_INTERVAL_MS;
    h.queue(responder);
    await h.poller.poll();
    expect((await snapshotItem.get())?.fetchedAt).toBe(T0);
    expect(h.lastView()).toMatchObject({ kind: 'stale', failure: { kind, since: T0 + POLL_INTERVAL_MS } });
  });

  it('backs off while failures continue and returns to the normal schedule after a success', async () => {
    await connect();
    const delays: number[] = [];
    for (let i = 0; i < 6; i += 1) {
      h.queue(answer.status(502));
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
    h.queue(answer.status(429, { 'Retry-After': '600' }));
    await h.poller.poll();
    expect(h.schedule.at).toBe(T0 + 600_000);
    await h.poller.refresh();
    expect(h.requests).toHaveLength(2);
  });

  it('stops polling after a 401 and clears the numbers of the rejected key', async () => {
    await connect();
    h.queue(answer.status(401));
    await h.poller.poll();
    expect(await snapshotItem.get()).toBeNull();
    expect(h.lastView().kind).toBe('rejected');
    expect(h.schedule.at).toBeNull();
    await h.poller.refresh();
    await h.poller.resume();
    await h.poller.poll();
    await createPoller(h.deps).poll();
    expect(h.requests).toHaveLength(2);
  });

  it('retries at once when the network comes back', async () => {
    await connect();
    h.queue(answer.offline());
    await h.poller.poll();
    h.queue(answer.usage({ ia_credits_remaining: 1000 }));
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
    await connect({ ia_credits_remaining: 3 });
    expect(await pollStatusItem.get()).toMatchObject({ kind: 'internal' });
    expect(h.schedule.at).toBeGreaterThan(T0);
    expect((await snapshotItem.get())?.usage.remainingCredits).toBe(3);
  });
});

describe('one request at a time', () => {
  it('joins a refresh to the poll already in flight', async () => {
    await connect();
    h.queue(answer.usage());
    await Promise.all([h.poller.poll(), h.poller.refresh(), h.poller.poll()]);
    expect(h.requests).toHaveLength(2);
  });
});

describe('low-credit alerts', () => {
  async function pollWith(remaining: number) {
    h.queue(answer.usage({ ia_credits_remaining: remaining }));
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
    await connect({ ia_credits_remaining: 50 });
    const restarted = createPoller(h.deps);
    h.queue(answer.usage({ ia_credits_remaining: 40 }));
    await restarted.poll();
    expect(h.announced).toEqual(['low']);
  });

  it('uses the threshold the user set', async () => {
    await settingsItem.set({ threshold: 600, notifications: true });
    await connect({ ia_credits_remaining: 550 });
    expect(h.announced).toEqual(['low']);
    expect(h.lastView()).toMatchObject({ kind: 'low', threshold: 600 });
  });

  it('stays silent when notifications are off', async () => {
    await settingsItem.set({ threshold: null, notifications: false });
    await connect({ ia_credits_remaining: 5 });
    await pollWith(0);
    expect(h.announced).toEqual([]);
    expect(h.lastView().kind).toBe('empty');
  });
});

describe('worker start', () => {
  it('redraws the badge from storage without a request and re-creates a missing alarm', async () => {
    await connect();
    h.schedule.at = undefined;
    h.views.length = 0;
    const restarted = createPoller(h.deps);
    await restarted.resume();
    expect(h.views.map((v) => v.kind)).toEqual(['normal']);
    expect(h.requests).toHaveLength(1);
    expect(h.schedule.at).toBe(T0 + POLL_INTERVAL_MS);
  });

  it('polls at once when a key is stored but nothing was fetched yet', async () => {
    await apiKeyItem.set(KEY);
    h.queue(answer.usage());
    await h.poller.resume();
    expect(h.requests).toHaveLength(1);
    expect(h.lastView().kind).toBe('normal');
  });
});

describe('listeners never see an exception', () => {
  it('swallows a storage failure in every entry point the background wires to an event', async () => {
    const broken = { ...pollStatusItem, get: () => Promise.reject(new Error('storage is gone')) };
    const poller = createPoller({ ...h.deps, store: { ...h.deps.store, status: broken } });
    await apiKeyItem.set(KEY);
    await expect(poller.refresh()).resolves.toBeUndefined();
    await expect(poller.reconnect()).resolves.toBeUndefined();
    await expect(poller.resume()).resolves.toBeUndefined();
    await expect(poller.redraw()).resolves.toBeUndefined();
    h.queue(answer.usage());
    await expect(poller.saveKey(KEY)).resolves.toMatchObject({ result: expect.any(String) });
  });
});
