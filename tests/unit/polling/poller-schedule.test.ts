import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPoller } from '@/lib/polling/poller';
import { insightSettingsItem, DEFAULT_INSIGHT_SETTINGS } from '@/lib/foresight/settings';
import { pollStatusItem } from '@/lib/polling/status';
import { snapshotItem } from '@/lib/account/usage';
import { apiKeyItem } from '@/lib/account/key';
import { MIN_REFRESH_GAP_MS, POLL_INTERVAL_MS } from '@/lib/polling/schedule';
import { KEY } from '../helpers';
import {
  T0,
  afterGap,
  answer,
  chooseEvery15Minutes,
  connect,
  freshPollerEachTest,
  h,
  restartPoller,
} from './poller-harness';

freshPollerEachTest();

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
          restartPoller();
          await chooseEvery15Minutes();
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

  it('is what a new install does, with nothing chosen', async () => {
    await insightSettingsItem.remove();
    const poller = automatic();
    h.queue(answer.usage({ remainingCredits: 900 }));
    await poller.saveKey({ key: KEY, force: false });
    h.clock.now = h.schedule.at!;
    h.queue(answer.usage({ remainingCredits: 850 }));
    await poller.poll();
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
