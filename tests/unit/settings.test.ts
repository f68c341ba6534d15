import { describe, expect, it } from 'vitest';
import { parseThresholdInput } from '@/lib/settings';

describe('threshold field', () => {
  it.each([
    ['', { ok: true, threshold: null }],
    ['  ', { ok: true, threshold: null }],
    ['50', { ok: true, threshold: 50 }],
    [' 1,000 ', { ok: true, threshold: 1000 }],
    ['1.000', { ok: true, threshold: 1000 }],
    ['1', { ok: true, threshold: 1 }],
    ['1 000', { ok: true, threshold: 1000 }],
    ['1.5', { ok: false }],
    ['10,00', { ok: false }],
    ['0', { ok: false }],
    ['-5', { ok: false }],
    ['ten', { ok: false }],
    ['12abc', { ok: false }],
    ['9999999999', { ok: false }],
  ])('%j → %j', (input, expected) => {
    expect(parseThresholdInput(input)).toEqual(expected);
  });
});
