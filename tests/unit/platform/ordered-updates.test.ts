import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createUpdater } from '@/lib/platform/ordered-updates';

interface Settings {
  threshold: number | null;
  minutes: number;
}

/** A stored value whose reads and writes take a while, each as long as the test says. */
function slowStore(initial: Settings, delays: number[]) {
  let value = initial;
  const wait = () => new Promise((resolve) => setTimeout(resolve, delays.shift() ?? 0));
  const writes: Settings[] = [];
  return {
    writes,
    current: () => value,
    get: async () => {
      const read = value;
      await wait();
      return read;
    },
    set: async (next: Settings) => {
      await wait();
      value = next;
      writes.push(next);
    },
  };
}

describe('changes to stored settings', () => {
  it('made in quick succession, all land, in the order they were made', async () => {
    // The first change's storage is slow, the second's fast: unordered, the first would win.
    const store = slowStore({ threshold: null, minutes: 15 }, [30, 30, 0, 0]);
    const update = createUpdater(store);
    await Promise.all([
      update((s) => ({ ...s, threshold: 50 })),
      update((s) => ({ ...s, minutes: 60 })),
      update((s) => ({ ...s, minutes: 30 })),
    ]);
    expect(store.current()).toEqual({ threshold: 50, minutes: 30 });
    expect(store.writes.map((s) => s.minutes)).toEqual([15, 60, 30]);
  });

  it('go on after one fails, which says so to its caller', async () => {
    const store = slowStore({ threshold: null, minutes: 15 }, []);
    const update = createUpdater(store);
    const failing = update(() => {
      throw new Error('QUOTA_BYTES quota exceeded');
    });
    const next = update((s) => ({ ...s, minutes: 5 }));
    await expect(failing).rejects.toThrow(/quota/);
    await expect(next).resolves.toEqual({ threshold: null, minutes: 5 });
  });

  it('end as the last change left them, whatever each one took (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ field: fc.constantFrom('threshold', 'minutes'), value: fc.nat(99) }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.array(fc.nat(5), { maxLength: 24 }),
        async (changes, delays) => {
          const store = slowStore({ threshold: null, minutes: 15 }, delays);
          const update = createUpdater(store);
          await Promise.all(changes.map(({ field, value }) => update((s) => ({ ...s, [field]: value }))));
          const expected = changes.reduce<Settings>((s, { field, value }) => ({ ...s, [field]: value }), {
            threshold: null,
            minutes: 15,
          });
          expect(store.current()).toEqual(expected);
        },
      ),
      { numRuns: 40 },
    );
  });
});
