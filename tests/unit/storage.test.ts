import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { apiKeyItem, pollStatusItem, settingsItem, snapshotItem } from '@/lib/storage';
import { DEFAULT_SETTINGS } from '@/lib/settings';
import { KEY, usage } from './helpers';

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
