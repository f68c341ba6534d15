// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { requestCounts } from '../../support/freshness';
import { replay } from '../../support/replay';
import { simulateDay } from '../../support/simulate-day';
import { loadTrace, traceNames } from '../../support/trace';
import { startFakeApi, type FakeApi } from '../../fake-api/server';
import { KEY } from '../helpers';

let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi();
});
afterAll(() => api.close());
beforeEach(() => api.reset());

describe('requests in a simulated day', () => {
  it('makes one request per 15-minute interval when all is well and every 15 minutes is chosen', async () => {
    // The key is checked when saved, then polled every 15 minutes: 96 requests in 24 hours.
    expect(await simulateDay(api, KEY, { checkEveryMinutes: 15 })).toEqual({ requests: 96, polls: 95 });
  });

  it.each([
    [5, 288],
    [30, 48],
    [60, 24],
  ] as const)(
    'makes one request per interval the user chose: every %d minutes, %d a day',
    async (minutes, requests) => {
      expect((await simulateDay(api, KEY, { checkEveryMinutes: minutes })).requests).toBe(requests);
    },
  );

  it('checks an account that does not move at most 30 times a day by default (Automatic), and still at least hourly', async () => {
    const { requests } = await simulateDay(api, KEY);
    expect(requests).toBeLessThanOrEqual(30);
    expect(requests).toBeGreaterThanOrEqual(24);
  });

  it('checks an account that moves all day and night more often by default, but at most 150 times', async () => {
    // A credit spent before every check, with nobody's presence known: Automatic's busiest case.
    let spent = 0;
    const spend = () => {
      spent += 1;
      api.setUsage({ ia_credits_used: 120 + spent, ia_credits_remaining: 1080 - spent });
    };
    const { requests } = await simulateDay(api, KEY, { beforePoll: spend });
    expect(requests).toBeGreaterThan(96);
    expect(requests).toBeLessThanOrEqual(150);
  });

  it('makes none without a key', async () => {
    expect((await simulateDay(api, null)).requests).toBe(0);
  });

  it('makes one for a rejected key, then stops', async () => {
    api.rejectKey(KEY);
    expect((await simulateDay(api, KEY)).requests).toBe(1);
  });

  it('backs off during a day-long outage instead of hammering the server', async () => {
    api.setFault('server-error');
    const { requests } = await simulateDay(api, KEY);
    expect(requests).toBeLessThan(60);
    expect(requests).toBeGreaterThan(40);
  });
});

describe('requests in a week of each usage trace, with Automatic', () => {
  const cases = traceNames().flatMap((name) => (['idle', 'focus'] as const).map((signal) => ({ name, signal })));
  it.each(cases)(
    '$name, with the $signal signal: no day above 150, one at a time, a minute apart',
    async ({ name, signal }) => {
      const trace = loadTrace(name);
      const counts = requestCounts(trace, await replay(trace, { choice: 'auto', signal }));
      expect(counts.mostInADay).toBeLessThanOrEqual(150);
      expect(counts.maxInFlight).toBe(1);
      expect(counts.minGapMs).toBeGreaterThanOrEqual(60_000);
    },
  );

  it('checks the account that does not move at most 30 times on any day of its week', async () => {
    const trace = loadTrace('idle');
    expect(
      requestCounts(trace, await replay(trace, { choice: 'auto', signal: 'idle' })).mostInADay,
    ).toBeLessThanOrEqual(30);
  });
});
