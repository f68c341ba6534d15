import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defineStoredValue } from '@/lib/platform/storage';
import { settingsItem } from '@/lib/alerts/settings';
import { pollStatusItem } from '@/lib/polling/status';
import { snapshotItem } from '@/lib/account/usage';
import { apiKeyItem } from '@/lib/account/key';
import { DEFAULT_SETTINGS } from '@/lib/alerts/settings';
import { KEY, usage } from '../helpers';

describe('stored data', () => {
  it('keeps the key in local storage only, never in sync', async () => {
    await apiKeyItem.set(KEY);
    expect(await fakeBrowser.storage.local.get('apiKey')).toEqual({ apiKey: KEY });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it.each([
    ['a number', 42],
    ['an object', { key: KEY }],
    ['a malformed key', 'flx_live_nothex'],
  ])('treats %s stored as the key as no key', async (_, value) => {
    await fakeBrowser.storage.local.set({ apiKey: value });
    expect(await apiKeyItem.get()).toBeNull();
  });

  it.each([
    ['a string', 'hello'],
    ['missing fields', { usage: { plan: 'pro' }, fetchedAt: 1 }],
    ['negative credits', { usage: usage({ remainingCredits: -5 }), fetchedAt: 1 }],
    ['no timestamp', { usage: usage() }],
  ])('treats a snapshot with %s as absent', async (_, value) => {
    await fakeBrowser.storage.local.set({ usageSnapshot: value });
    expect(await snapshotItem.get()).toBeNull();
  });

  it('treats a foreign poll status as absent', async () => {
    await fakeBrowser.storage.local.set({ pollStatus: { kind: 'exploded', at: 'now' } });
    expect(await pollStatusItem.get()).toBeNull();
  });

  it('falls back to the default settings when they are corrupt', async () => {
    await fakeBrowser.storage.local.set({ settings: { threshold: -4, notifications: 'yes' } });
    expect(await settingsItem.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('reports a corrupt value to watchers as absent', async () => {
    const seen: unknown[] = [];
    snapshotItem.watch((value) => seen.push(value));
    await fakeBrowser.storage.local.set({ usageSnapshot: { broken: true } });
    expect(seen).toEqual([null]);
  });
});

describe('watching a stored value', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const watched = () => {
    const seen: unknown[] = [];
    settingsItem.watch((value) => seen.push(value));
    return seen;
  };

  it.each([
    ['a damaged version marker', { v: -1e12 }],
    ['a version newer than this release', { v: 99 }],
  ])('reads a value written with %s as absent, as a read would', async (_, marker) => {
    const seen = watched();
    await fakeBrowser.storage.local.set({ settings: { threshold: 5, notifications: false }, settings$: marker });
    await vi.waitFor(() => expect(seen).toEqual([DEFAULT_SETTINGS]));
    expect(await settingsItem.get()).toEqual(DEFAULT_SETTINGS);
  });

  it('hears a damaged marker written on its own', async () => {
    await settingsItem.set({ threshold: 5, notifications: false });
    const seen = watched();
    await fakeBrowser.storage.local.set({ settings$: { v: 0 } });
    await vi.waitFor(() => expect(seen).toEqual([DEFAULT_SETTINGS]));
  });

  it('delivers a value written by an older version migrated, as a read would', async () => {
    const walked = defineStoredValue('walked', {
      parse: (value) => (typeof value === 'object' && value !== null ? (value as { credits: number }) : undefined),
      fallback: null,
      version: 2,
      migrations: { 2: (old) => ({ credits: old }) },
    });
    const seen: unknown[] = [];
    walked.watch((value) => seen.push(value));
    await fakeBrowser.storage.local.set({ walked: 7, walked$: { v: 1 } });
    await vi.waitFor(() => expect(seen.at(-1)).toEqual({ credits: 7 }));
  });

  it('never lets an earlier, slower read overwrite a later change', async () => {
    const seen = watched();
    const read = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(async (keys) => {
      const stored = await read(keys);
      // The read of the first change answers last.
      if ((stored.settings as { threshold?: number } | undefined)?.threshold === 5) {
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
      return stored;
    });
    await settingsItem.set({ threshold: 5, notifications: true });
    await settingsItem.set({ threshold: 9, notifications: true });
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(seen.at(-1)).toEqual({ threshold: 9, notifications: true });
  });

  it('stops delivering once unwatched, even a read under way', async () => {
    const seen: unknown[] = [];
    const unwatch = settingsItem.watch((value) => seen.push(value));
    const read = fakeBrowser.storage.local.get.bind(fakeBrowser.storage.local);
    let reading = false;
    vi.spyOn(fakeBrowser.storage.local, 'get').mockImplementation(async (keys) => {
      reading = true;
      const stored = await read(keys);
      await new Promise((resolve) => setTimeout(resolve, 30));
      return stored;
    });
    await fakeBrowser.storage.local.set({ settings: { threshold: 5, notifications: true } });
    expect(reading).toBe(true);
    unwatch();
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(seen).toEqual([]);
  });
});
