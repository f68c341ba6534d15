import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatAge, formatBadgeCount, formatCount, formatDay } from '@/lib/display/format';

/** The number a badge text stands for, read the way a person reads it. */
function readBadge(text: string): number {
  const scale = { k: 1e3, M: 1e6, B: 1e9, T: 1e12, Q: 1e15 }[text.slice(-1)] ?? 1;
  return parseFloat(text) * scale;
}

describe('badge count', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [999, '999'],
    [1000, '1k'],
    [1080, '1k'],
    [1099, '1k'],
    [1100, '1.1k'],
    [1999, '1.9k'],
    [9999, '9.9k'],
    [10000, '10k'],
    [10999, '10k'],
    [999999, '999k'],
    [1000000, '1M'],
    [1999999, '1.9M'],
    [25_500_000, '25M'],
    [999_999_999, '999M'],
    [1_000_000_000, '1B'],
    [999_999_999_999, '999B'],
    [1e12, '1T'],
    [1_999_999_999_999, '1.9T'],
    [999_999_999_999_999, '999T'],
    [1e15, '1Q'],
    [1_999_999_999_999_999, '1.9Q'],
    [Number.MAX_SAFE_INTEGER, '9Q'],
    [-0, '0'],
    [12.9, '12'],
    [-3, '0'],
  ])('%d → %s', (count, text) => {
    expect(formatBadgeCount(count)).toBe(text);
  });

  it('never shows more than there is, and fits the badge (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.nat({ max: 999_999_999_999 }), fc.maxSafeNat()), (count) => {
        const text = formatBadgeCount(count);
        expect(readBadge(text)).toBeLessThanOrEqual(count);
        expect(text.length).toBeLessThanOrEqual(4);
      }),
      { numRuns: 2000 },
    );
  });

  it('never drops below the next lower step (property)', () => {
    fc.assert(
      fc.property(fc.nat({ max: 999_999_999 }), (count) => {
        // Shown value is within one display step of the truth: 10% of the leading unit at most.
        const shown = readBadge(formatBadgeCount(count));
        expect(count - shown).toBeLessThan(Math.max(1, count * 0.1));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('counts in words', () => {
  it.each([
    [0, '0'],
    [-0, '0'],
    [1080, '1,080'],
    [Number.MAX_SAFE_INTEGER, '9,007,199,254,740,991'],
  ])('%d reads %s', (count, text) => {
    expect(formatCount(count, 'en')).toBe(text);
  });
});

describe('age of the numbers', () => {
  const now = Date.UTC(2026, 10, 25, 14, 0);
  it.each([
    [10_000, 'now'],
    [3 * 60_000, '3 minutes ago'],
    [2 * 3600_000, '2 hours ago'],
    [26 * 3600_000, 'yesterday'],
    // Stored before the clock was set back: not "in 3 hours".
    [-3 * 3600_000, 'now'],
  ])('%i ms old reads "%s"', (age, text) => {
    expect(formatAge(now - age, now, 'en')).toBe(text);
  });

  it('speaks Spanish when the UI does', () => {
    expect(formatAge(now - 3 * 60_000, now, 'es')).toBe('hace 3 minutos');
  });
});

describe('a day, for when compressions come back', () => {
  it.each([
    ['en-US', 'Dec 14'],
    ['es', '14 dic'],
  ])('in %s reads "%s"', (locale, text) => {
    expect(formatDay(new Date(2026, 11, 14, 12).getTime(), locale)).toBe(text);
  });
});
