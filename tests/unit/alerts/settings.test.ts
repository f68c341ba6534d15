import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatCount } from '@/lib/display/format';
import { parseThresholdInput } from '@/lib/alerts/threshold-input';

describe('threshold field', () => {
  it.each([
    ['', { ok: true, threshold: null }],
    ['  ', { ok: true, threshold: null }],
    ['50', { ok: true, threshold: 50 }],
    [' 1,000 ', { ok: true, threshold: 1000 }],
    ['1,000,000', { ok: true, threshold: 1_000_000 }],
    ['1', { ok: true, threshold: 1 }],
    ['1 000', { ok: true, threshold: 1000 }],
    ['1\u202f000', { ok: true, threshold: 1000 }],
    // A point is a decimal point in English: 1.000 is one, not a thousand.
    ['1.000', { ok: false }],
    ['1.5', { ok: false }],
    ['10,00', { ok: false }],
    ['1,000.000', { ok: false }],
    ['0', { ok: false }],
    ['-5', { ok: false }],
    ['ten', { ok: false }],
    ['12abc', { ok: false }],
    ['9999999999', { ok: false }],
  ])('in English, %j → %j', (input, expected) => {
    expect(parseThresholdInput(input, 'en-US')).toEqual(expected);
  });

  it.each([
    ['1.000', { ok: true, threshold: 1000 }],
    ['10.000', { ok: true, threshold: 10_000 }],
    ['1 000', { ok: true, threshold: 1000 }],
    ['1000', { ok: true, threshold: 1000 }],
    // A comma is a decimal comma in Spanish.
    ['1,000', { ok: false }],
    ['1,5', { ok: false }],
  ])('in Spanish, %j → %j', (input, expected) => {
    expect(parseThresholdInput(input, 'es')).toEqual(expected);
  });

  it.each([
    ['de-CH', "1'000", 1000],
    ['de-CH', '1’000', 1000],
    ['fr', '1 000', 1000],
    ['de', '1.000', 1000],
  ])('in %s, %j → %i', (locale, input, threshold) => {
    expect(parseThresholdInput(input, locale)).toEqual({ ok: true, threshold });
  });

  it('reads back any number as the page writes it, in every language the extension speaks (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom('en', 'en-US', 'es'), fc.integer({ min: 1, max: 999_999_999 }), (locale, n) => {
        expect(parseThresholdInput(formatCount(n, locale), locale)).toEqual({ ok: true, threshold: n });
      }),
      { numRuns: 500 },
    );
  });
});
