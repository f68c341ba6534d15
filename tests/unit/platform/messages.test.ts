import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ActionFailed, classifyError, send, type BackgroundApi } from '@/lib/platform/messages';
import { serve } from '@/lib/platform/serve';
import { KEY } from '../helpers';

function backgroundWith(overrides: Partial<BackgroundApi> = {}) {
  const calls: unknown[] = [];
  const api: BackgroundApi = {
    refresh: async () => ({ result: 'checked' }),
    saveKey: async (request) => {
      calls.push(request);
      return { result: 'rejected' };
    },
    addAccount: async (request) => {
      calls.push(request);
      return { result: 'full' };
    },
    removeAccount: async () => undefined,
    renameAccount: async (request) => {
      calls.push(request);
    },
    ...overrides,
  };
  serve(api);
  return calls;
}

const ownPage = () => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html') });

/** What the background answers `message` from `sender` (undefined: it stays silent). */
async function deliver(message: unknown, sender: object = ownPage()) {
  const [reply] = await fakeBrowser.runtime.onMessage.trigger(message, sender, () => undefined);
  return reply;
}

describe('the background answers its own pages', () => {
  it('with the handler’s reply', async () => {
    backgroundWith();
    expect(await deliver({ method: 'refresh', argument: { account: 'a0' } })).toEqual({
      ok: true,
      value: { result: 'checked' },
    });
  });

  it('with the reason when the handler fails, never with a success', async () => {
    backgroundWith({ removeAccount: () => Promise.reject(new Error('QUOTA_BYTES quota exceeded')) });
    expect(await deliver({ method: 'removeAccount', argument: { account: 'a1' } })).toEqual({
      ok: false,
      error: 'storage-full',
    });
  });

  it.each([
    ['another extension', { id: 'someone-else', url: 'chrome-extension://someone-else/page.html' }],
    ['a web page', { id: fakeBrowser.runtime.id, url: 'https://example.com/' }],
    ['an unknown sender', {}],
  ])('but not %s', async (_, sender) => {
    const calls = backgroundWith();
    expect(
      await deliver({ method: 'saveKey', argument: { account: 'a0', key: KEY, force: false } }, sender),
    ).toBeUndefined();
    expect(calls).toEqual([]);
  });

  it.each([
    ['a malformed key', { method: 'saveKey', argument: { account: 'a0', key: 'flx_live_123', force: false } }],
    ['a missing force flag', { method: 'saveKey', argument: { account: 'a0', key: KEY } }],
    ['a key without its account', { method: 'saveKey', argument: { key: KEY, force: false } }],
    ['an account id that is not one', { method: 'saveKey', argument: { account: '../a0', key: KEY, force: false } }],
    ['an added key without a name field', { method: 'addAccount', argument: { key: KEY, force: false } }],
    ['a name that is not text', { method: 'renameAccount', argument: { account: 'a1', name: 42 } }],
    ['a name far too long', { method: 'renameAccount', argument: { account: 'a1', name: 'x'.repeat(1000) } }],
    ['an inherited method name', { method: 'toString' }],
    ['an unknown method', { method: 'deleteEverything' }],
    ['a refresh without its account', { method: 'refresh', argument: { now: 1 } }],
  ])('and ignores %s', async (_, message) => {
    const calls = backgroundWith();
    expect(await deliver(message)).toBeUndefined();
    expect(calls).toEqual([]);
  });
});

/** Makes the background's reply to the next message `reply` (the fake browser's sendMessage answers nothing). */
const replyWith = (reply: unknown) => vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue(reply as never);

describe('a page asking the background', () => {
  it('gets the reply', async () => {
    replyWith({ ok: true, value: { result: 'idle' } });
    expect(await send('refresh', { account: 'a0' })).toEqual({ result: 'idle' });
  });

  it.each([
    ['a failure the background reports', { ok: false, error: 'storage-full' }, 'storage-full'],
    ['no answer at all', undefined, 'no-answer'],
  ])('throws on %s', async (_, envelope, reason) => {
    replyWith(envelope);
    await expect(send('removeAccount', { account: 'a1' })).rejects.toEqual(new ActionFailed(reason as never));
  });

  it('throws "no-answer" when the background cannot be reached', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Could not establish connection.'));
    await expect(send('refresh', { account: 'a0' })).rejects.toMatchObject({ reason: 'no-answer' });
  });
});

describe('storage errors are named for what the user can do', () => {
  it.each([
    [new Error('QUOTA_BYTES quota exceeded'), 'storage-full'],
    [new DOMException('The quota has been exceeded.', 'QuotaExceededError'), 'storage-full'],
    [new Error('IO error: .../LOCK: storage unavailable'), 'storage'],
    ['weird', 'internal'],
  ])('%s → %s', (error, kind) => {
    expect(classifyError(error)).toBe(kind);
  });
});
