import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FetchOutcome } from '@/lib/account/api-client';
import { MAX_ACCOUNTS, accountsItem, popupAccountItem } from '@/lib/account/accounts';
import { DEFAULT_INSIGHT_SETTINGS, insightSettingsItem } from '@/lib/foresight/settings';
import { ACCOUNT_SPACING_MS, createAccountsPoller, type AccountView } from '@/lib/polling/accounts';
import { extensionStore } from '@/lib/polling/store';
import { POLL_INTERVAL_MS } from '@/lib/polling/schedule';
import { DAY } from '@/lib/history/calendar';
import { usage } from '../helpers';

const T0 = Date.UTC(2026, 11, 2, 9, 0);
const keyOf = (n: number) => `flx_live_${String(n).repeat(40).slice(0, 40)}`;
const [KEY_A, KEY_B, KEY_C] = [keyOf(1), keyOf(2), keyOf(3)];

/** The accounts' watch on fake storage, a fake clock and a fake FluxImage answering per key. */
function setup() {
  const clock = { now: T0 };
  const answers = new Map<string, () => FetchOutcome | Promise<FetchOutcome>>();
  const requests: { key: string; at: number }[] = [];
  const alarm: { at: number | null } = { at: null };
  const badges: AccountView[][] = [];
  const notices: { account: string; kind: string }[] = [];
  /** Accounts announced before they were listed (their notification could not name them). */
  const unlisted: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const poller = createAccountsPoller({
    api: {
      fetchUsage: async (key) => {
        requests.push({ key, at: clock.now });
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await Promise.resolve();
        inFlight -= 1;
        const next = answers.get(key);
        if (!next) throw new Error(`unexpected request for ${key}`);
        return next();
      },
    },
    hasAccess: async () => true,
    now: () => clock.now,
    random: () => 0.5,
    describeInsights: ({ history, remaining, renewalDay }) => ({
      forecast: { kind: 'no-spending', basisDays: history.points.length },
      renewal: { userDay: renewalDay, resets: history.resets, firstReadingAt: null, lastReadingAt: null },
      remaining,
      sparkline: { line: '', dot: null, marks: [], width: 288, height: 44, span: null },
    }),
    accounts: accountsItem,
    insightSettings: insightSettingsItem,
    popupAccount: popupAccountItem,
    storeOf: extensionStore,
    schedule: async (at) => {
      alarm.at = at;
    },
    isScheduled: async () => alarm.at !== null,
    // Time passes only once what was started has run as far as it can (its reads and request).
    sleep: async (ms) => {
      await new Promise((resolve) => setTimeout(resolve, 0));
      clock.now += ms;
    },
    showBadge: async (views) => {
      badges.push(views);
    },
    announce: async (account, level) => {
      notices.push({ account, kind: level });
      if (!(await accountsItem.get()).some(({ id }) => id === account)) unlisted.push(account);
    },
    announceInsight: async (account, { kind }) => {
      notices.push({ account, kind });
    },
    clearAnnouncements: async () => undefined,
  });
  const answer = (key: string, outcome: FetchOutcome) => answers.set(key, () => outcome);
  /** An answer that arrives only when the test releases it: a slow server. */
  const slowAnswer = (key: string, outcome: FetchOutcome) => {
    let release!: () => void;
    const arrived = new Promise<void>((resolve) => (release = resolve));
    answers.set(key, () => arrived.then(() => outcome));
    return release;
  };
  const credits = (key: string, remainingCredits: number) =>
    answer(key, { ok: true, usage: usage({ remainingCredits }) });
  return {
    clock,
    requests,
    alarm,
    notices,
    unlisted,
    poller,
    answer,
    slowAnswer,
    /** Answers `key` with what `next` returns, asked anew for each request. */
    answerWith: (key: string, next: () => FetchOutcome | Promise<FetchOutcome>) => answers.set(key, next),
    credits,
    maxInFlight: () => maxInFlight,
    lastBadge: () => badges.at(-1) ?? [],
    /** Rings the alarm at its time, as the browser would. */
    ring: async () => {
      clock.now = Math.max(clock.now, alarm.at ?? clock.now);
      await poller.pollDue();
    },
  };
}

// Most of these are about accounts kept apart, at a fixed interval; Automatic has its own below.
beforeEach(async () => {
  await insightSettingsItem.set({ ...DEFAULT_INSIGHT_SETTINGS, checkEveryMinutes: 15 });
});

async function threeAccounts(h: ReturnType<typeof setup>) {
  h.credits(KEY_A, 1080);
  h.credits(KEY_B, 90);
  h.credits(KEY_C, 500);
  const added = [];
  for (const [key, name] of [
    [KEY_A, 'Client A'],
    [KEY_B, 'Client B'],
    [KEY_C, 'Staging'],
  ] as const) {
    added.push(await h.poller.addAccount({ key, force: false, name }));
  }
  return added;
}

describe('adding accounts', () => {
  it('checks each key once, names it, and gives each its own storage', async () => {
    const h = setup();
    const added = await threeAccounts(h);
    expect(added.map((result) => result.result)).toEqual(['connected', 'connected', 'connected']);
    expect(added.map((result) => ('account' in result ? result.account : null))).toEqual(['a0', 'a1', 'a2']);
    expect(h.requests.map(({ key }) => key)).toEqual([KEY_A, KEY_B, KEY_C]);
    expect((await accountsItem.get()).map(({ name }) => name)).toEqual(['Client A', 'Client B', 'Staging']);
    expect((await extensionStore('a1').snapshot.get())?.usage.remainingCredits).toBe(90);
    expect(await extensionStore('a2').apiKey.get()).toBe(KEY_C);
    expect(h.lastBadge().map(({ account }) => account.id)).toEqual(['a0', 'a1', 'a2']);
  });

  it('refuses a key already saved, naming the account that holds it', async () => {
    const h = setup();
    await threeAccounts(h);
    const before = h.requests.length;
    expect(await h.poller.addAccount({ key: KEY_B, force: false, name: null })).toEqual({
      result: 'duplicate',
      account: 'a1',
    });
    expect(h.requests).toHaveLength(before);
    expect(await accountsItem.get()).toHaveLength(3);
  });

  it('refuses the same key added twice at once in two windows', async () => {
    const h = setup();
    h.credits(KEY_A, 1080);
    const results = await Promise.all([
      h.poller.addAccount({ key: KEY_A, force: false, name: 'One' }),
      h.poller.addAccount({ key: KEY_A, force: false, name: 'Two' }),
    ]);
    expect(results.map(({ result }) => result).toSorted()).toEqual(['connected', 'duplicate']);
    expect(await accountsItem.get()).toHaveLength(1);
  });

  it('keeps nothing of a rejected key', async () => {
    const h = setup();
    h.answer(KEY_A, { ok: false, kind: 'unauthorized' });
    expect(await h.poller.addAccount({ key: KEY_A, force: false, name: null })).toEqual({ result: 'rejected' });
    expect(await accountsItem.get()).toEqual([]);
    expect(await extensionStore('a0').apiKey.get()).toBeNull();
  });

  it(`stops at ${MAX_ACCOUNTS} accounts`, async () => {
    const h = setup();
    for (let n = 0; n < MAX_ACCOUNTS; n += 1) {
      const key = `flx_live_${n.toString(16).padStart(40, 'a')}`;
      h.credits(key, 100);
      await h.poller.addAccount({ key, force: false, name: null });
    }
    h.credits(KEY_A, 100);
    expect(await h.poller.addAccount({ key: KEY_A, force: false, name: null })).toEqual({ result: 'full' });
    expect(await accountsItem.get()).toHaveLength(MAX_ACCOUNTS);
  });
});

describe('one alarm for every account', () => {
  it('asks the due accounts one after another, a second apart, never two at once', async () => {
    const h = setup();
    await threeAccounts(h);
    const from = h.requests.length;
    await h.ring();
    const asked = h.requests.slice(from);
    expect(asked.map(({ key }) => key)).toEqual([KEY_A, KEY_B, KEY_C]);
    for (let n = 1; n < asked.length; n += 1) {
      expect(asked[n]!.at - asked[n - 1]!.at).toBeGreaterThanOrEqual(ACCOUNT_SPACING_MS);
    }
    expect(h.maxInFlight()).toBe(1);
  });

  it('keeps a Retry-After to the account that got it', async () => {
    const h = setup();
    await threeAccounts(h);
    h.answer(KEY_B, { ok: false, kind: 'rate-limited', retryAfterMs: 60 * 60_000 });
    await h.ring();
    const a = await extensionStore('a0').status.get();
    const b = await extensionStore('a1').status.get();
    expect(b?.nextAt).toBeGreaterThanOrEqual(h.clock.now + 59 * 60_000);
    expect(a?.nextAt).toBeLessThanOrEqual(h.clock.now + POLL_INTERVAL_MS);
    // The alarm is set for the earliest account, so A is asked again on time and B is not.
    const from = h.requests.length;
    await h.ring();
    expect(h.requests.slice(from).map(({ key }) => key)).toEqual([KEY_A, KEY_C]);
  });

  it('never asks again for a rejected key, while the other accounts go on', async () => {
    const h = setup();
    await threeAccounts(h);
    h.answer(KEY_C, { ok: false, kind: 'unauthorized' });
    await h.ring();
    const from = h.requests.length;
    for (let n = 0; n < 4; n += 1) await h.ring();
    const asked = h.requests.slice(from).map(({ key }) => key);
    expect(asked).not.toContain(KEY_C);
    expect(asked.filter((key) => key === KEY_A)).toHaveLength(4);
  });

  it(`makes N × 96 requests in a simulated day at 15 minutes, none for a rejected key`, async () => {
    const h = setup();
    await threeAccounts(h);
    h.answer(KEY_C, { ok: false, kind: 'unauthorized' });
    const start = h.clock.now;
    const from = h.requests.length;
    while (h.clock.now < start + 24 * 60 * 60_000) await h.ring();
    const asked = h.requests.slice(from).filter(({ at }) => at < start + 24 * 60 * 60_000);
    // The rejected account is asked once (when its key turns out rejected), then never again.
    expect(asked.filter(({ key }) => key === KEY_C)).toHaveLength(1);
    expect(asked.filter(({ key }) => key === KEY_A).length).toBeGreaterThanOrEqual(95);
    expect(asked.filter(({ key }) => key === KEY_A).length).toBeLessThanOrEqual(97);
    expect(asked.filter(({ key }) => key === KEY_B).length).toBeLessThanOrEqual(97);
  });
});

describe('each account on its own', () => {
  it('alerts once per crossing, per account', async () => {
    const h = setup();
    await threeAccounts(h);
    expect(h.notices).toEqual([{ account: 'a1', kind: 'low' }]);
    h.credits(KEY_A, 50);
    await h.ring();
    await h.ring();
    expect(h.notices).toEqual([
      { account: 'a1', kind: 'low' },
      { account: 'a0', kind: 'low' },
    ]);
  });

  it('removes an account with its key, numbers and history, and the others stay', async () => {
    const h = setup();
    await threeAccounts(h);
    await extensionStore('a1').renewalDay.set(9);
    await h.poller.removeAccount({ account: 'a1' });
    expect((await accountsItem.get()).map(({ id }) => id)).toEqual(['a0', 'a2']);
    const store = extensionStore('a1');
    expect(await store.apiKey.get()).toBeNull();
    expect(await store.snapshot.get()).toBeNull();
    expect((await store.history.get()).points).toEqual([]);
    expect(await store.renewalDay.get()).toBeNull();
    expect(await extensionStore('a2').apiKey.get()).toBe(KEY_C);
    expect(h.lastBadge().map(({ account }) => account.id)).toEqual(['a0', 'a2']);
    const from = h.requests.length;
    await h.ring();
    expect(h.requests.slice(from).map(({ key }) => key)).not.toContain(KEY_B);
  });

  it('drops the answer of an account removed while it was being asked', async () => {
    const h = setup();
    await threeAccounts(h);
    const release = h.slowAnswer(KEY_B, { ok: true, usage: usage({ remainingCredits: 10 }) });
    const from = h.requests.length;
    const ring = h.ring();
    await vi.waitFor(() => expect(h.requests.slice(from).map(({ key }) => key)).toContain(KEY_B));
    await h.poller.removeAccount({ account: 'a1' });
    release();
    await ring;
    expect(await extensionStore('a1').snapshot.get()).toBeNull();
    expect(await extensionStore('a1').apiKey.get()).toBeNull();
  });

  it('replaces one account’s key without touching the others, and refuses another account’s key', async () => {
    const h = setup();
    await threeAccounts(h);
    expect(await h.poller.saveKey({ account: 'a0', key: KEY_B, force: false })).toEqual({
      result: 'duplicate',
      account: 'a1',
    });
    const rolled = keyOf(4);
    h.credits(rolled, 1075);
    expect((await h.poller.saveKey({ account: 'a0', key: rolled, force: false })).result).toBe('connected');
    expect(await extensionStore('a0').apiKey.get()).toBe(rolled);
    expect(await extensionStore('a1').apiKey.get()).toBe(KEY_B);
    expect(await h.poller.saveKey({ account: 'a7', key: keyOf(5), force: false })).toEqual({ result: 'gone' });
  });

  it('renames an account, and goes back to the default name with an empty one', async () => {
    const h = setup();
    await threeAccounts(h);
    await h.poller.renameAccount({ account: 'a1', name: '  Client\u202E B2 ' });
    expect((await accountsItem.get())[1]!.name).toBe('Client B2');
    await h.poller.renameAccount({ account: 'a1', name: '   ' });
    expect((await accountsItem.get())[1]!.name).toBeNull();
  });

  it('comes back after a worker restart: every account’s badge and the alarm', async () => {
    const h = setup();
    await threeAccounts(h);
    const restarted = setup();
    await restarted.poller.resume();
    expect(restarted.lastBadge().map(({ account }) => account.id)).toEqual(['a0', 'a1', 'a2']);
    expect(restarted.alarm.at).not.toBeNull();
    expect(restarted.requests).toEqual([]);
  });
});

describe('the badge in days', () => {
  it('draws each account with the days its stored pace leaves, counted from now, and none without a pace', async () => {
    const h = setup();
    await threeAccounts(h);
    const stored = (await extensionStore('a1').insightsView.get())!;
    const runOutAt = h.clock.now + 9.5 * DAY;
    await extensionStore('a1').insightsView.set({
      ...stored,
      view: { ...stored.view, forecast: { kind: 'pace', perDay: 10, daysLeft: 9.5, runOutAt, basisDays: 7 } },
    });
    h.clock.now += DAY;
    await h.poller.redraw();
    expect(h.lastBadge().map(({ account, daysLeft }) => [account.id, daysLeft])).toEqual([
      ['a0', null],
      ['a1', 8.5],
      ['a2', null],
    ]);
  });
});

describe('an alarm that rings early', () => {
  it('still asks the account it was set for, and only the accounts due with it', async () => {
    const h = setup();
    await threeAccounts(h);
    h.answer(KEY_B, { ok: false, kind: 'rate-limited', retryAfterMs: 60 * 60_000 });
    await h.ring();
    const from = h.requests.length;
    // Rung at once rather than at its time (a clock set forward, or the browser's own timing).
    await h.poller.pollDue();
    expect(h.requests.slice(from).map(({ key }) => key)).toEqual([KEY_A, KEY_C]);
  });
});

describe('Automatic across accounts', () => {
  it('asks three accounts that do not move, far from their thresholds, at most 30 times a day each', async () => {
    const h = setup();
    await insightSettingsItem.set({ ...DEFAULT_INSIGHT_SETTINGS, checkEveryMinutes: 'auto' });
    // Far from the threshold: an account near it is checked every 15 minutes by design.
    for (const key of [KEY_A, KEY_B, KEY_C]) {
      h.credits(key, 900);
      await h.poller.addAccount({ key, force: false, name: null });
    }
    const start = h.clock.now;
    const from = h.requests.length;
    while (h.clock.now < start + 24 * 60 * 60_000) await h.ring();
    const asked = h.requests.slice(from).filter(({ at }) => at < start + 24 * 60 * 60_000);
    for (const key of [KEY_A, KEY_B, KEY_C]) {
      const count = asked.filter((request) => request.key === key).length;
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThanOrEqual(30);
    }
  });
});

describe('the spacing between requests', () => {
  it('holds no request longer than a second after the clock was set back', async () => {
    const h = setup();
    await threeAccounts(h);
    h.clock.now -= 3 * 60 * 60_000;
    const before = h.clock.now;
    h.credits(keyOf(4), 100);
    await h.poller.addAccount({ key: keyOf(4), force: false, name: null });
    expect(h.requests.at(-1)!.at - before).toBeLessThanOrEqual(ACCOUNT_SPACING_MS);
  });
});

describe('what the adversarial review found', () => {
  it('names the account in its very first alert, sent once it is listed', async () => {
    const h = setup();
    h.credits(KEY_A, 1080);
    await h.poller.addAccount({ key: KEY_A, force: false, name: 'Client A' });
    h.credits(KEY_B, 90);
    const seen = h.notices.length;
    await h.poller.addAccount({ key: KEY_B, force: false, name: 'Client B' });
    expect(h.notices.slice(seen)).toEqual([{ account: 'a1', kind: 'low' }]);
    expect(h.unlisted).toEqual([]);
  });

  it('waits out a Retry-After that ends just after the other accounts are due', async () => {
    const h = setup();
    await threeAccounts(h);
    // Client B is told to wait until some seconds after A and C come due.
    h.answer(KEY_B, { ok: false, kind: 'rate-limited', retryAfterMs: 14.7 * 60_000 });
    await h.poller.refresh({ account: 'a1' }).catch(() => undefined);
    h.clock.now += 31_000;
    await h.poller.refresh({ account: 'a1' });
    const retryAt = (await extensionStore('a1').status.get())!.nextAt!;
    h.credits(KEY_B, 90);
    while (h.clock.now < retryAt) {
      const from = h.requests.length;
      await h.ring();
      const asked = h.requests.slice(from);
      expect(asked.filter(({ key, at }) => key === KEY_B && at < retryAt)).toEqual([]);
    }
  });

  it('forgets the badge’s and the popup’s choice of a removed account, so a new one does not inherit it', async () => {
    const h = setup();
    await threeAccounts(h);
    await insightSettingsItem.set({ ...(await insightSettingsItem.get()), badgeAccount: 'a1' });
    await popupAccountItem.set('a1');
    await h.poller.removeAccount({ account: 'a1' });
    expect((await insightSettingsItem.get()).badgeAccount).toBeUndefined();
    expect(await popupAccountItem.get()).toBeNull();
  });

  it('starts again at the next alarm after a start that failed to read storage', async () => {
    const h = setup();
    await threeAccounts(h);
    const restarted = setup();
    vi.spyOn(accountsItem, 'get').mockRejectedValueOnce(new Error('storage is busy'));
    await expect(restarted.poller.resume()).rejects.toThrow('storage is busy');
    await restarted.ring();
    expect(restarted.lastBadge().map(({ account }) => account.id)).toEqual(['a0', 'a1', 'a2']);
  });
});

describe('one key, one account', () => {
  it('refuses a replaced key that another window added as an account meanwhile', async () => {
    const h = setup();
    await threeAccounts(h);
    const shared = keyOf(6);
    const answer: FetchOutcome = { ok: true, usage: usage({ remainingCredits: 700 }) };
    let release!: () => void;
    const slow = new Promise<FetchOutcome>((resolve) => (release = () => resolve(answer)));
    let asked = 0;
    // The replace's check is slow; the add's, asked second, answers at once and finishes first.
    h.answerWith(shared, () => (asked++ === 0 ? slow : answer));
    const replacing = h.poller.saveKey({ account: 'a0', key: shared, force: false });
    await vi.waitFor(() => expect(asked).toBe(1));
    const added = await h.poller.addAccount({ key: shared, force: false, name: 'Client D' });
    release();
    const replaced = await replacing;
    const holders = await Promise.all(['a0', 'a1', 'a2', 'a3'].map((id) => extensionStore(id).apiKey.get()));
    expect(holders.filter((key) => key === shared)).toHaveLength(1);
    expect([replaced.result, added.result].toSorted()).toEqual(['connected', 'duplicate']);
  });
});
