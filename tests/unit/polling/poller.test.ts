import { beforeEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { FetchOutcome } from '@/lib/account/api-client';
import type { FailureKind } from '@/lib/polling/failures';
import { createPoller, type PollerDeps } from '@/lib/polling/poller';
import { extensionStore } from '@/lib/polling/store';
import { EMPTY_HISTORY } from '@/lib/history/points';
import { historyItem } from '@/lib/history/stored';
import { insightSettingsItem, DEFAULT_INSIGHT_SETTINGS } from '@/lib/foresight/settings';
import { insightsViewItem } from '@/lib/foresight/block-item';
import { settingsItem } from '@/lib/alerts/settings';
import { alertMemoryItem } from '@/lib/alerts/credit-level';
import { pollStatusItem } from '@/lib/polling/status';
import { snapshotItem } from '@/lib/account/usage';
import { apiKeyItem } from '@/lib/account/key';
import { BACKOFF_CAP_MS, MIN_REFRESH_GAP_MS, POLL_INTERVAL_MS } from '@/lib/polling/schedule';
import type { View } from '@/lib/display/view';
import { KEY, OTHER_KEY, usage } from '../helpers';

const T0 = Date.UTC(2026, 10, 25, 14, 0);

type Answer = () => Promise<FetchOutcome>;

const answer = {
  usage:
    (changes: Parameters<typeof usage>[0] = {}): Answer =>
    async () => ({ ok: true, usage: usage(changes) }),
  failure:
    (kind: FailureKind, retryAfterMs?: number): Answer =>
    async () =>
      retryAfterMs === undefined ? { ok: false, kind } : { ok: false, kind, retryAfterMs },
};

/** An answer that arrives only when the test releases it: a slow server. */
function slow(outcome: Answer) {
  let release!: () => void;
  const arrived = new Promise<void>((resolve) => (release = resolve));
  return { answer: (() => arrived.then(outcome)) as Answer, release };
}

function setup() {
  const clock = { now: T0 };
  const answers: Answer[] = [];
  const requests: string[] = [];
  const views: View[] = [];
  const announced: string[] = [];
  const schedule: { at: number | null | undefined; every?: number | undefined } = { at: undefined };
  // The host permission, as the browser reports it (users can withhold or revoke it).
  const access = { granted: true };
  let failAnnounce = false;
  const deps: PollerDeps = {
    api: {
      fetchUsage: (key) => {
        requests.push(key);
        const next = answers.shift();
        if (!next) throw new Error('unexpected request');
        return next();
      },
    },
    hasAccess: async () => access.granted,
    now: () => clock.now,
    random: () => 1,
    store: extensionStore,
    schedule: async (at, every) => {
      schedule.at = at;
      schedule.every = every;
    },
    isScheduled: async () => schedule.at !== undefined && schedule.at !== null,
    showView: async (view) => {
      views.push(view);
    },
    announce: async (level) => {
      if (failAnnounce) throw new Error('notification service crashed');
      announced.push(level);
    },
    announceInsight: async (announcement) => {
      announced.push(announcement.kind);
    },
    clearAnnouncements: async () => {},
    describeInsights: ({ history, remaining, renewalDay }) => ({
      forecast: { kind: 'no-spending', basisDays: history.points.length },
      renewal: { userDay: renewalDay, resets: history.resets, firstReadingAt: null, lastReadingAt: null },
      remaining,
      sparkline: { line: '', dot: null, marks: [], width: 288, height: 44, span: null },
    }),
  };
  return {
    clock,
    requests,
    views,
    announced,
    schedule,
    access,
    deps,
    poller: createPoller(deps),
    queue: (...next: Answer[]) => answers.push(...next),
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

async function connect(changes: Parameters<typeof usage>[0] = {}) {
  h.queue(answer.usage(changes));
  return h.poller.saveKey({ key: KEY, force: false });
}

/** Moves the clock past the minimum gap between checks a person can ask for. */
const afterGap = () => (h.clock.now += MIN_REFRESH_GAP_MS);

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

describe('the clock set back or forward', () => {
  const HOUR = 60 * 60_000;

  it('pulls times stored ahead of a clock set back to now when the worker starts, and sets the alarm again', async () => {
    await connect();
    h.clock.now = T0 - 3 * HOUR;
    await createPoller(h.deps).resume();
    const now = h.clock.now;
    expect(await pollStatusItem.get()).toEqual({ kind: 'ok', checkedAt: now, nextAt: now + POLL_INTERVAL_MS });
    expect((await snapshotItem.get())?.fetchedAt).toBe(now);
    expect(h.schedule).toEqual({ at: now + POLL_INTERVAL_MS, every: 15 });
    expect(h.requests).toHaveLength(1);
  });

  it('holds Refresh back for the gap after a clock set back, not for the jump, and sets the alarm again', async () => {
    await connect();
    h.clock.now = T0 - 3 * HOUR;
    expect(await h.poller.refresh()).toEqual({ result: 'too-soon', at: h.clock.now + MIN_REFRESH_GAP_MS });
    expect(h.schedule.at).toBe(h.clock.now + POLL_INTERVAL_MS);
    afterGap();
    h.queue(answer.usage());
    expect(await h.poller.refresh()).toEqual({ result: 'checked' });
  });

  it('keeps a run of failures from starting after its last try', async () => {
    await connect();
    h.queue(answer.failure('server'));
    await h.poller.poll();
    h.clock.now = T0 - 3 * HOUR;
    h.queue(answer.failure('server'));
    await h.poller.poll();
    expect(await pollStatusItem.get()).toMatchObject({ checkedAt: h.clock.now, since: h.clock.now, attempts: 2 });
  });

  it('after a jump either way, the next check is at most one interval from where it belongs, and due at once when it is past', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 2 * HOUR }),
        fc.integer({ min: -7 * 24 * HOUR, max: 7 * 24 * HOUR }),
        fc.constantFrom('worker start', 'popup opened', 'poll recorded'),
        async (failures, elapsed, jump, event) => {
          fakeBrowser.reset();
          h = setup();
          await connect();
          for (let i = 0; i < failures; i += 1) {
            h.queue(answer.failure('server'));
            await h.poller.poll();
          }
          const status = (await pollStatusItem.get())!;
          // Where the next check belongs as the new clock reads it: the jump moved every reading.
          const belongs = status.nextAt! + jump;
          h.clock.now = status.checkedAt + elapsed + jump;
          h.queue(answer.usage());
          const before = h.requests.length;
          if (event === 'worker start') await createPoller(h.deps).resume();
          if (event === 'popup opened') await h.poller.refresh();
          if (event === 'poll recorded') await h.poller.poll();
          const now = h.clock.now;
          const checkedNow = h.requests.length > before;
          // An alarm whose time has passed fires at once.
          const due = Math.max(h.schedule.at!, now);
          // A check made just now was the one due; the next then belongs an interval on.
          const expected = checkedNow ? now + POLL_INTERVAL_MS : Math.max(belongs, now);
          expect(Math.abs(due - expected)).toBeLessThanOrEqual(POLL_INTERVAL_MS);
          if (jump >= 0 && belongs <= now) expect(checkedNow || due === now).toBe(true);
          const stored = (await pollStatusItem.get())!;
          expect(stored.checkedAt).toBeLessThanOrEqual(now);
          expect(stored.nextAt!).toBeLessThanOrEqual(now + POLL_INTERVAL_MS);
        },
      ),
    );
  });
});

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

describe('Automatic checks', () => {
  const auto = { ...DEFAULT_INSIGHT_SETTINGS, checkEveryMinutes: 'auto' as const };
  // The middle of the jitter, so the waits are the rules' own.
  const automatic = (presence?: 'active' | 'idle' | 'locked') =>
    createPoller({ ...h.deps, random: () => 0.5, ...(presence && { presence: async () => presence }) });
  const save = async (poller: ReturnType<typeof automatic>, remainingCredits = 900) => {
    await insightSettingsItem.set(auto);
    h.queue(answer.usage({ remainingCredits }));
    await poller.saveKey({ key: KEY, force: false });
  };

  it('plans from what it sees, with an hour as the safety net', async () => {
    const poller = automatic();
    await save(poller);
    expect(h.schedule).toEqual({ at: T0 + 15 * 60_000, every: 60 });
    h.clock.now = T0 + 15 * 60_000;
    h.queue(answer.usage({ remainingCredits: 850 }));
    await poller.poll();
    // Credits fell since the last check: look again in 5 minutes.
    expect(h.schedule).toEqual({ at: h.clock.now + 5 * 60_000, every: 60 });
  });

  it('waits an hour while the screen is locked', async () => {
    await save(automatic('locked'));
    expect(h.schedule).toEqual({ at: T0 + 60 * 60_000, every: 60 });
  });

  it('keeps a good answer when the browser cannot say where the person is, planning as if they looked', async () => {
    const poller = createPoller({ ...h.deps, random: () => 0.5, presence: () => Promise.reject(new Error('idle')) });
    await save(poller);
    expect(await pollStatusItem.get()).toMatchObject({ kind: 'ok' });
    expect(await snapshotItem.get()).toMatchObject({ usage: { remainingCredits: 900 } });
    expect(h.schedule).toEqual({ at: T0 + 15 * 60_000, every: 60 });
  });

  it('checks at once when the person comes back to an old badge', async () => {
    const poller = automatic();
    await save(poller);
    h.clock.now += 6 * 60_000;
    h.queue(answer.usage({ remainingCredits: 700 }));
    await poller.personReturned();
    expect(h.requests).toEqual([KEY, KEY]);
    expect(await snapshotItem.get()).toMatchObject({ usage: { remainingCredits: 700 } });
  });

  it('brings the check planned while the screen was locked forward to when the badge is 5 minutes old', async () => {
    const locked = automatic('locked');
    await save(locked);
    expect(h.schedule.at).toBe(T0 + 60 * 60_000);
    h.clock.now += 2 * 60_000;
    await automatic('active').personReturned();
    expect(h.requests).toEqual([KEY]);
    expect(h.schedule).toEqual({ at: T0 + 5 * 60_000, every: 60 });
  });

  it('keeps a fixed interval’s rhythm when the person comes back', async () => {
    await connect();
    h.clock.now += 40 * 60_000;
    await h.poller.personReturned();
    expect(h.requests).toEqual([KEY]);
  });

  it('brings the next check within 15 minutes when Automatic is chosen', async () => {
    await insightSettingsItem.set({ ...DEFAULT_INSIGHT_SETTINGS, checkEveryMinutes: 60 });
    await connect();
    await insightSettingsItem.set(auto);
    await h.poller.insightSettingsChanged();
    expect(h.schedule).toEqual({ at: T0 + 15 * 60_000, every: 60 });
  });
});
