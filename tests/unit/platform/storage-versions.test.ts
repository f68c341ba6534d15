import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PollerStore } from '@/lib/polling/deps';
import { FIRST_ACCOUNT } from '@/lib/account/account-id';
import { KEY } from '../helpers';

/**
 * Stored data as each released version of the extension wrote it. A change of format
 * must bump the item's version, add a migration, and add the old shape here so this
 * test walks it forward. `readsAs` is what a version's data reads as when that is not
 * `current`: data its migration had to drop.
 */
const FIXTURES: Record<
  keyof PollerStore,
  { storageKey: string; byVersion: Record<number, unknown>; current: unknown; readsAs?: Record<number, unknown> }
> = {
  apiKey: { storageKey: 'apiKey', byVersion: { 1: KEY }, current: KEY },
  snapshot: {
    storageKey: 'usageSnapshot',
    byVersion: {
      1: {
        usage: {
          plan: 'pro',
          compressionsUsed: 45,
          compressionsLimit: 99999,
          creditsUsed: 120,
          creditsMonthly: 1000,
          topupCredits: 200,
          remainingCredits: 1080,
          canCompress: true,
          canUseAi: true,
          topups: { small: 'https://fluximage.app/checkout/s' },
        },
        fetchedAt: 1795615200000,
      },
    },
    current: expect.objectContaining({
      fetchedAt: 1795615200000,
      usage: expect.objectContaining({ remainingCredits: 1080 }),
    }),
  },
  status: {
    storageKey: 'pollStatus',
    byVersion: {
      1: { kind: 'server', checkedAt: 1795615260000, since: 1795615200000, attempts: 2, nextAt: 1795615320000 },
    },
    current: { kind: 'server', checkedAt: 1795615260000, since: 1795615200000, attempts: 2, nextAt: 1795615320000 },
  },
  alertMemory: { storageKey: 'alertMemory', byVersion: { 1: 'low' }, current: 'low' },
  settings: {
    storageKey: 'settings',
    byVersion: { 1: { threshold: 50, notifications: false } },
    current: { threshold: 50, notifications: false },
  },
  history: {
    storageKey: 'usageHistory',
    byVersion: {
      // Resets as the times they were first seen: the second one between the two readings.
      1: {
        at: [1795615200000, 900000],
        remaining: [80, 1108],
        used: [920, -908],
        monthly: [1000, 0],
        topup: [0, 0],
        compressionsUsed: [45, -44],
        compressionsLimit: [500, 0],
        resets: [1795000000000, 1795616100000],
      },
      // Resets as windows: the last reading before and the first after.
      2: {
        at: [1795615200000, 900000],
        remaining: [80, 1108],
        used: [920, -908],
        monthly: [1000, 0],
        topup: [0, 0],
        compressionsUsed: [45, -44],
        compressionsLimit: [500, 0],
        resets: [
          { before: null, after: 1795000000000 },
          { before: 1795615200000, after: 1795616100000 },
        ],
      },
    },
    current: {
      points: [
        expect.objectContaining({ at: 1795615200000, remaining: 80 }),
        expect.objectContaining({ at: 1795616100000, remaining: 1188, used: 12, compressionsUsed: 1 }),
      ],
      resets: [
        { before: null, after: 1795000000000 },
        { before: 1795615200000, after: 1795616100000 },
      ],
    },
  },
  historyDecisionPending: { storageKey: 'historyDecisionPending', byVersion: { 1: true }, current: true },
  insightsView: {
    storageKey: 'insightsView',
    byVersion: {
      // Version 1 kept the block's sentences, in one language: they cannot become facts again.
      1: {
        view: {
          lines: {
            reset: { known: false, text: 'Reset date not known yet', link: 'set it in Settings' },
            pace: 'Forecast after a day of use',
            outlook: null,
          },
          sparkline: { line: '', dot: null, marks: [], width: 288, height: 44, label: 'No history yet' },
        },
        computedAt: 1795615200000,
      },
      // Version 2 keeps facts; the popup words them.
      2: {
        view: {
          forecast: { kind: 'pace', perDay: 12.5, daysLeft: 86.4, runOutAt: 1803080160000, basisDays: 7 },
          renewal: {
            userDay: null,
            resets: [{ before: 1794985200000, after: 1794988800000 }],
            firstReadingAt: 1794900000000,
            lastReadingAt: 1795200000000,
          },
          remaining: 1080,
          sparkline: {
            line: '3,20 285,6.8',
            dot: { x: 285, y: 6.8 },
            marks: [{ kind: 'reset', at: 1794988800000, x: 197.7 }],
            width: 288,
            height: 44,
            span: { first: 402, last: 1080 },
          },
        },
        computedAt: 1795615200000,
      },
    },
    current: expect.objectContaining({
      computedAt: 1795615200000,
      view: expect.objectContaining({
        remaining: 1080,
        renewal: expect.objectContaining({ resets: [{ before: 1794985200000, after: 1794988800000 }] }),
      }),
    }),
    readsAs: { 1: null },
  },
  insightAlertMemory: {
    storageKey: 'insightAlertMemory',
    byVersion: {
      // The run-out warning named the reset expected at `period`.
      1: {
        runOut: { armed: false, period: 1796000000000 },
        compressionsUsedUp: true,
        keyRejected: false,
        creditsBackAt: 5,
      },
      // It fired at `warnedAt`, two weeks before that reset.
      2: {
        runOut: { warnedAt: 1794790400000 },
        compressionsUsedUp: true,
        keyRejected: false,
        creditsBackAt: 5,
      },
      // An unusual-spending episode is under way since `startedAt`.
      3: {
        runOut: { warnedAt: 1794790400000 },
        compressionsUsedUp: true,
        keyRejected: false,
        creditsBackAt: 5,
        unusualSpending: { startedAt: 1794790400000, lastSpikeAt: 1794791300000 },
      },
    },
    current: {
      runOut: { warnedAt: 1794790400000 },
      compressionsUsedUp: true,
      keyRejected: false,
      creditsBackAt: 5,
      unusualSpending: null,
    },
    // Version 3's episode is kept as it was.
    readsAs: {
      3: {
        runOut: { warnedAt: 1794790400000 },
        compressionsUsedUp: true,
        keyRejected: false,
        creditsBackAt: 5,
        unusualSpending: { startedAt: 1794790400000, lastSpikeAt: 1794791300000 },
      },
    },
  },
  insightSettings: {
    storageKey: 'insightSettings',
    byVersion: {
      1: {
        renewalDay: 14,
        notify: { runOut: true, compressionsUsedUp: false, keyRejected: true, creditsBack: true },
        badge: 'compressions',
        checkEveryMinutes: 30,
      },
      2: {
        notify: { runOut: true, compressionsUsedUp: false, keyRejected: true, creditsBack: true },
        badge: 'compressions',
        checkEveryMinutes: 30,
      },
      // The unusual-spending alarm, here turned off.
      3: {
        notify: {
          runOut: true,
          compressionsUsedUp: false,
          keyRejected: true,
          creditsBack: true,
          unusualSpending: false,
        },
        badge: 'compressions',
        checkEveryMinutes: 30,
      },
    },
    // Version 2 leaves the renewal day to each account (lib/account/upgrade.ts moves it; see upgrade.test.ts);
    // version 3 adds the unusual-spending alarm, on for settings stored before it existed.
    current: {
      notify: { runOut: true, compressionsUsedUp: false, keyRejected: true, creditsBack: true, unusualSpending: true },
      badge: 'compressions',
      checkEveryMinutes: 30,
    },
    readsAs: {
      3: {
        notify: {
          runOut: true,
          compressionsUsedUp: false,
          keyRejected: true,
          creditsBack: true,
          unusualSpending: false,
        },
        badge: 'compressions',
        checkEveryMinutes: 30,
      },
    },
  },
  renewalDay: { storageKey: 'renewalDay', byVersion: { 1: 14 }, current: 14 },
};

const expectedFrom = (fixture: (typeof FIXTURES)[keyof typeof FIXTURES], version: number) =>
  fixture.readsAs && version in fixture.readsAs ? fixture.readsAs[version] : fixture.current;

const cases = Object.entries(FIXTURES).flatMap(([item, fixture]) =>
  Object.entries(fixture.byVersion).map(([version, value]) => ({
    item: item as keyof PollerStore,
    version: Number(version),
    value,
    fixture,
  })),
);

/** The items as a page or worker that has just started sees them: each migrates once per start. */
async function freshStore() {
  vi.resetModules();
  return (await import('@/lib/polling/store')).extensionStore(FIRST_ACCOUNT);
}

describe('stored data from every version', () => {
  it.each(cases)(
    '$item written by version $version reads as today’s shape',
    async ({ item, version, value, fixture }) => {
      await fakeBrowser.storage.local.set({ [fixture.storageKey]: value, [`${fixture.storageKey}$`]: { v: version } });
      expect(await (await freshStore())[item].get()).toEqual(expectedFrom(fixture, version));
    },
  );

  it.each(Object.keys(FIXTURES))('%s written before versioning reads as version 1', async (item) => {
    const fixture = FIXTURES[item as keyof PollerStore]!;
    await fakeBrowser.storage.local.set({ [fixture.storageKey]: fixture.byVersion[1] });
    expect(await (await freshStore())[item as keyof PollerStore].get()).toEqual(expectedFrom(fixture, 1));
  });
});

describe('damaged version markers', () => {
  // What a broken profile or another program may leave beside a value.
  const markers: [string, unknown][] = [
    ['a huge negative version', { v: -1e12 }],
    ['version 0', { v: 0 }],
    ['a fractional version', { v: 1.5 }],
    ['a version from the far future', { v: 1e12 }],
    ['a version newer than this release', { v: 99 }],
    ['a version as text', { v: '1' }],
    ['a marker without a version', {}],
    ['a marker that is not an object', 7],
  ];

  it.each(markers)('%s reads as absent, at once', async (_, marker) => {
    const { defineStoredValue } = await import('@/lib/platform/storage');
    const { readFirst } = await import('@/lib/platform/first-read');
    const { settingsItem } = await import('@/lib/alerts/settings');
    await fakeBrowser.storage.local.set({ settings: { threshold: 5, notifications: false }, settings$: marker });
    expect(await settingsItem.get()).toEqual({ threshold: null, notifications: true });
    // What a page reads before its first render, too.
    const { stored } = await readFirst([settingsItem]);
    expect(settingsItem.readFrom(stored)).toEqual({ value: { threshold: null, notifications: true } });
    // An item with migrations to walk treats it the same way.
    await fakeBrowser.storage.local.set({ walked: 42, walked$: marker });
    const walked = defineStoredValue('walked', {
      parse: (value) => (typeof value === 'number' ? value : undefined),
      fallback: null,
      version: 3,
      migrations: { 2: (old) => old, 3: (old) => old },
    });
    expect(await walked.get()).toBeNull();
  });

  it('is replaced by the next save', async () => {
    const { settingsItem } = await import('@/lib/alerts/settings');
    await fakeBrowser.storage.local.set({ settings: { threshold: 5, notifications: false }, settings$: { v: -1e12 } });
    await settingsItem.set({ threshold: 9, notifications: true });
    expect(await settingsItem.get()).toEqual({ threshold: 9, notifications: true });
  });
});

describe('damaged times', () => {
  it.each([
    ['beyond what a date can hold', { since: 1e16 }],
    ['negative', { nextAt: -5 }],
    ['from before any clock that can reach FluxImage', { checkedAt: 1000 }],
  ])('a poll status with a time %s reads as absent', async (_, change) => {
    const { pollStatusItem } = await import('@/lib/polling/status');
    const status = {
      kind: 'server',
      checkedAt: 1795615260000,
      since: 1795615200000,
      attempts: 2,
      nextAt: 1795615320000,
    };
    await fakeBrowser.storage.local.set({ pollStatus: { ...status, ...change }, pollStatus$: { v: 1 } });
    expect(await pollStatusItem.get()).toBeNull();
  });
});

describe('migrations', () => {
  // A stand-in item with a history, to prove the walk itself: v1 stored a bare number,
  // v2 wrapped it in an object, v3 renamed the field.
  const history = {
    2: (old: unknown) => ({ credits: old }),
    3: (old: unknown) => ({ remaining: (old as { credits: number }).credits }),
  };
  const parse = (value: unknown) =>
    typeof value === 'object' && value !== null && typeof (value as { remaining?: unknown }).remaining === 'number'
      ? (value as { remaining: number })
      : undefined;

  it.each([
    [1, 42, { remaining: 42 }],
    [2, { credits: 42 }, { remaining: 42 }],
    [3, { remaining: 42 }, { remaining: 42 }],
  ])('walks data written by version %i forward to version 3', async (version, stored, current) => {
    const { defineStoredValue } = await import('@/lib/platform/storage');
    await fakeBrowser.storage.local.set({ walked: stored, walked$: { v: version } });
    const item = defineStoredValue('walked', { parse, fallback: null, version: 3, migrations: history });
    expect(await item.get()).toEqual(current);
    expect(await fakeBrowser.storage.local.get('walked$')).toEqual({ walked$: { v: 3 } });
  });

  it('treats data that fails its migration check as absent', async () => {
    const { defineStoredValue } = await import('@/lib/platform/storage');
    await fakeBrowser.storage.local.set({ walked: 'garbage', walked$: { v: 2 } });
    const item = defineStoredValue('walked', { parse, fallback: null, version: 3, migrations: history });
    expect(await item.get()).toBeNull();
  });
});

describe('reading several items at once, before a first render', () => {
  it('gives the values that are current, and leaves one still to migrate to its own read', async () => {
    const { defineStoredValue } = await import('@/lib/platform/storage');
    const { readFirst } = await import('@/lib/platform/first-read');
    const { settingsItem } = await import('@/lib/alerts/settings');
    const walked = defineStoredValue('walked', {
      parse: (value) => (typeof value === 'object' && value !== null ? (value as { credits: number }) : undefined),
      fallback: null,
      version: 2,
      migrations: { 2: (old) => ({ credits: old }) },
    });
    await fakeBrowser.storage.local.set({
      walked: 7,
      walked$: { v: 1 },
      settings: { threshold: 5, notifications: true },
    });
    const { stored } = await readFirst([walked, settingsItem]);
    expect(walked.readFrom(stored)).toBeNull();
    expect(await walked.get()).toEqual({ credits: 7 });
    expect(settingsItem.readFrom(stored)).toEqual({ value: { threshold: 5, notifications: true } });
  });
});

describe('writes during a migration', () => {
  it('are not overwritten by the migrated old data', async () => {
    const { defineStoredValue } = await import('@/lib/platform/storage');
    await fakeBrowser.storage.local.set({ racing: 5, racing$: { v: 1 } });
    const item = defineStoredValue<number | null>('racing', {
      parse: (value) => (typeof value === 'number' ? value : undefined),
      fallback: null,
      version: 2,
      migrations: { 2: (old) => (old as number) * 100 },
    });
    // A page reads (starting the migration) and writes at once.
    await Promise.all([item.get(), item.set(7)]);
    expect(await item.get()).toBe(7);
    expect(await fakeBrowser.storage.local.get(['racing', 'racing$'])).toEqual({ racing: 7, racing$: { v: 2 } });
  });
});
