import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maskKey, parseKeyInput } from '@/lib/key';
import { KEY, OTHER_KEY } from './helpers';

describe('pasted key', () => {
  it.each([
    ['the key alone', KEY],
    ['surrounding whitespace and a newline', `  ${KEY}\n`],
    ['double quotes', `"${KEY}"`],
    ['single quotes', `'${KEY}'`],
    ['a Bearer prefix', `Bearer ${KEY}`],
    ['a whole Authorization header line', `Authorization: Bearer ${KEY}`],
    ['a curl command', `curl https://fluximage.app/api/usage \\\n  -H "Authorization: Bearer ${KEY}"`],
    ['the same key twice', `${KEY} ${KEY}`],
    ['upper-case hex', KEY.toUpperCase().replace('FLX_LIVE_', 'flx_live_')],
  ])('accepts %s', (_, pasted) => {
    const parsed = parseKeyInput(pasted);
    expect(parsed).toEqual({ ok: true, key: expect.stringMatching(/^flx_live_[0-9a-f]{40}$/i) });
  });

  it('returns exactly the key inside, nothing around it', () => {
    expect(parseKeyInput(`Authorization: Bearer "${KEY}"`)).toEqual({ ok: true, key: KEY });
  });

  it.each([
    ['nothing', '', 'empty'],
    ['only spaces', '   \n ', 'empty'],
    ['a key without its prefix', KEY.slice('flx_live_'.length), 'missing-prefix'],
    ['a test-mode key', KEY.replace('live', 'test'), 'missing-prefix'],
    ['two different keys', `${KEY}\n${OTHER_KEY}`, 'several-keys'],
    ['a key cut short', KEY.slice(0, -1), 'wrong-length'],
    ['a key with an extra character', `${KEY}0`, 'wrong-length'],
    ['a key broken by a space', `${KEY.slice(0, 20)} ${KEY.slice(20)}`, 'wrong-length'],
    ['a key with a non-hex letter', KEY.slice(0, -1) + 'g', 'not-hex'],
  ])('rejects %s with a reason', (_, pasted, problem) => {
    expect(parseKeyInput(pasted)).toEqual({ ok: false, problem });
  });

  it('finds the key inside any surrounding noise that holds no other key (property)', () => {
    const noise = fc.string().filter((s) => !s.includes('flx_live_') && !/[A-Za-z0-9_\-+/=.]$/.test(s));
    const after = fc.string().filter((s) => !s.includes('flx_live_') && !/^[A-Za-z0-9_\-+/=.]/.test(s));
    fc.assert(
      fc.property(noise, after, (before, rest) => {
        expect(parseKeyInput(`${before}${KEY}${rest}`)).toEqual({ ok: true, key: KEY });
      }),
      { numRuns: 500 },
    );
  });

  it('never accepts text that holds no well-formed key (property)', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        fc.pre(!/flx_live_[0-9a-f]{40}/i.test(text));
        expect(parseKeyInput(text).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('masked key', () => {
  it('shows the first and last four characters only', () => {
    expect(maskKey(KEY)).toBe('flx_live_a3f9…b2c1');
  });

  it('never contains the middle of the key', () => {
    expect(maskKey(KEY)).not.toContain(KEY.slice(13, 45));
  });
});
