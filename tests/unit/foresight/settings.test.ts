import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DAY } from '@/lib/history/calendar';
import { DEFAULT_INSIGHT_ALERT_MEMORY, insightAlertMemoryItem } from '@/lib/foresight/alerts';
import {
  badgeCounts,
  DEFAULT_INSIGHT_SETTINGS,
  insightSettingsItem,
  parseRenewalDayInput,
} from '@/lib/foresight/settings';
import { usage } from '../helpers';

describe('renewal day field', () => {
  it.each([
    ['', { ok: true, day: null }],
    [' ', { ok: true, day: null }],
    ['1', { ok: true, day: 1 }],
    [' 14 ', { ok: true, day: 14 }],
    ['31', { ok: true, day: 31 }],
    ['0', { ok: false }],
    ['32', { ok: false }],
    ['-3', { ok: false }],
    ['1.5', { ok: false }],
    ['14th', { ok: false }],
  ])('%j → %j', (input, expected) => {
    expect(parseRenewalDayInput(input)).toEqual(expected);
  });
});

describe('what the badge counts', () => {
  const compressions = { ...DEFAULT_INSIGHT_SETTINGS, badge: 'compressions' as const };
  it.each([
    ['credits by default', DEFAULT_INSIGHT_SETTINGS, usage({ plan: 'starter', compressionsLimit: 500 }), 'credits'],
    [
      'compressions on a plan that limits them',
      compressions,
      usage({ plan: 'starter', compressionsLimit: 500 }),
      'compressions',
    ],
    ['credits when compressions are unlimited', compressions, usage({ plan: 'pro' }), 'credits'],
  ])('%s', (_, settings, current, expected) => {
    expect(badgeCounts(settings, current)).toBe(expected);
  });
});

describe('stored insight settings and alert memory', () => {
  it('start with the defaults: run-out, compressions, key and unusual-spending alerts on, credits-back off, checking automatically', async () => {
    expect(await insightSettingsItem.get()).toEqual({
      notify: { runOut: true, compressionsUsedUp: true, keyRejected: true, creditsBack: false, unusualSpending: true },
      badge: 'credits',
      checkEveryMinutes: 'auto',
    });
    expect(await insightAlertMemoryItem.get()).toEqual(DEFAULT_INSIGHT_ALERT_MEMORY);
  });

  const settingsV1 = {
    renewalDay: 14,
    notify: { runOut: false, compressionsUsedUp: true, keyRejected: true, creditsBack: true },
    badge: 'compressions',
    checkEveryMinutes: 30,
  };
  const memoryV1 = {
    runOut: { armed: false, period: 1795000000000 },
    compressionsUsedUp: true,
    keyRejected: false,
    creditsBackAt: 5,
  };

  it('read what version 1 wrote', async () => {
    await fakeBrowser.storage.local.set({
      insightSettings: settingsV1,
      insightSettings$: { v: 1 },
      insightAlertMemory: memoryV1,
      insightAlertMemory$: { v: 1 },
    });
    // The renewal day went to the first account (lib/account/upgrade.ts; tests/unit/account/upgrade.test.ts).
    // The unusual-spending alarm, new in version 3, is on; no episode was under way.
    const { renewalDay: _moved, ...shared } = settingsV1;
    expect(await insightSettingsItem.get()).toEqual({ ...shared, notify: { ...shared.notify, unusualSpending: true } });
    // The warning named the reset expected at `period`: taken as given two weeks before it.
    expect(await insightAlertMemoryItem.get()).toEqual({
      ...memoryV1,
      runOut: { warnedAt: 1795000000000 - 14 * DAY },
      unusualSpending: null,
    });
  });

  it('read what version 2 wrote, with the unusual-spending alarm on', async () => {
    const { renewalDay: _moved, ...settingsV2 } = settingsV1;
    const memoryV2 = { ...memoryV1, runOut: { warnedAt: 5 } };
    await fakeBrowser.storage.local.set({
      insightSettings: settingsV2,
      insightSettings$: { v: 2 },
      insightAlertMemory: memoryV2,
      insightAlertMemory$: { v: 2 },
    });
    // As a worker that has just started reads them: each item migrates once per start.
    vi.resetModules();
    const settings = (await import('@/lib/foresight/settings')).insightSettingsItem;
    const memory = (await import('@/lib/foresight/alerts')).insightAlertMemoryItem;
    expect(await settings.get()).toEqual({ ...settingsV2, notify: { ...settingsV2.notify, unusualSpending: true } });
    expect(await memory.get()).toEqual({ ...memoryV2, unusualSpending: null });
  });

  it('keep every 15 minutes, stored before Automatic became the default', async () => {
    await fakeBrowser.storage.local.set({
      insightSettings: { ...settingsV1, checkEveryMinutes: 15 },
      insightSettings$: { v: 1 },
    });
    vi.resetModules();
    const fresh = (await import('@/lib/foresight/settings')).insightSettingsItem;
    expect((await fresh.get()).checkEveryMinutes).toBe(15);
  });

  it('read Automatic as a check interval', async () => {
    await fakeBrowser.storage.local.set({
      insightSettings: { ...settingsV1, checkEveryMinutes: 'auto' },
      insightSettings$: { v: 1 },
    });
    const { renewalDay: _moved, ...shared } = settingsV1;
    // As a page that has just started reads it: each item migrates once per start.
    vi.resetModules();
    const fresh = (await import('@/lib/foresight/settings')).insightSettingsItem;
    expect(await fresh.get()).toEqual({
      ...shared,
      notify: { ...shared.notify, unusualSpending: true },
      checkEveryMinutes: 'auto',
    });
  });

  it.each([
    { ...settingsV1, renewalDay: 32 },
    { ...settingsV1, checkEveryMinutes: 7 },
    { ...settingsV1, checkEveryMinutes: 'automatic' },
    { ...settingsV1, badge: 'both' },
    'garbage',
  ])('read corrupt settings as the defaults (%#)', async (stored) => {
    await fakeBrowser.storage.local.set({ insightSettings: stored, insightSettings$: { v: 1 } });
    expect(await insightSettingsItem.get()).toEqual(DEFAULT_INSIGHT_SETTINGS);
  });
});
