// @vitest-environment node
// Node's own fetch, like the service worker's, talks to the fake API over real HTTP.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fetchUsage, type FetchOutcome } from '@/lib/account/api-client';
import { startFakeApi, type FakeApi, type FaultName } from '../../fake-api/server';
import { KEY } from '../helpers';

let api: FakeApi;
beforeAll(async () => {
  api = await startFakeApi();
});
afterAll(() => api.close());
beforeEach(() => api.reset());

const now = Date.UTC(2026, 10, 25, 14, 0);
const ask = (timeoutMs = 2000): Promise<FetchOutcome> =>
  fetchUsage({ origin: api.origin, key: KEY, fetch, now: () => now, timeoutMs });

describe('usage request', () => {
  it('sends the key as a Bearer token to /api/usage and nothing else', async () => {
    await ask();
    expect(api.usageRequests()).toEqual([
      expect.objectContaining({ method: 'GET', authorization: `Bearer ${KEY}`, cookie: undefined }),
    ]);
  });

  it('returns the usage from a good answer', async () => {
    const outcome = await ask();
    expect(outcome).toEqual({ ok: true, usage: expect.objectContaining({ plan: 'pro', remainingCredits: 1080 }) });
  });

  it.each([
    ['unauthorized', {}, { ok: false, kind: 'unauthorized' }],
    ['forbidden', {}, { ok: false, kind: 'unauthorized' }],
    ['rate-limited', { retryAfter: 120 }, { ok: false, kind: 'rate-limited', retryAfterMs: 120_000 }],
    ['rate-limited', {}, { ok: false, kind: 'rate-limited' }],
    ['server-error', {}, { ok: false, kind: 'server' }],
    ['server-error', { status: 503 }, { ok: false, kind: 'server' }],
    ['html', {}, { ok: false, kind: 'bad-response' }],
    ['not-json', {}, { ok: false, kind: 'bad-response' }],
    ['wrong-shape', {}, { ok: false, kind: 'bad-response' }],
    ['huge', {}, { ok: false, kind: 'bad-response' }],
    ['redirect', {}, { ok: false, kind: 'bad-response' }],
    ['drop', {}, { ok: false, kind: 'network' }],
  ] satisfies [FaultName, object, FetchOutcome][])('classifies the %s fault %j', async (fault, options, expected) => {
    api.setFault(fault, options);
    expect(await ask()).toEqual(expected);
  });

  it('gives up after the timeout when the server never answers', async () => {
    api.setFault('hang');
    expect(await ask(300)).toEqual({ ok: false, kind: 'timeout' });
  });

  it('classifies an unreachable server as a network failure', async () => {
    const outcome = await fetchUsage({ origin: 'http://127.0.0.1:9', key: KEY, fetch, now: () => now });
    expect(outcome).toEqual({ ok: false, kind: 'network' });
  });

  it('does not follow a redirect, so the key is never replayed elsewhere', async () => {
    api.setFault('redirect');
    let followed = false;
    const watchingFetch: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      followed = response.redirected;
      return response;
    };
    await fetchUsage({ origin: api.origin, key: KEY, fetch: watchingFetch, now: () => now });
    expect(followed).toBe(false);
  });
});
