import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { maskKey } from '@/lib/account/key';
import { parseKeyInput } from '@/lib/account/key-paste';
import { KEY, OTHER_KEY } from '../helpers';

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
    [
      'a curl command that also names flx_live_key',
      `curl "https://fluximage.app/api/usage?flx_live_key=1" -H "Authorization: Bearer ${KEY}"`,
    ],
    ['a shell variable called FLX_LIVE_KEY', `FLX_LIVE_KEY=${KEY}`],
  ])('accepts %s', (_, pasted) => {
    const parsed = parseKeyInput(pasted);
    expect(parsed).toEqual({ ok: true, key: expect.stringMatching(/^flx_live_[0-9a-f]{40}$/i) });
  });

  it('returns exactly the key inside, nothing around it', () => {
    expect(parseKeyInput(`Authorization: Bearer "${KEY}"`)).toEqual({ ok: true, key: KEY });
  });

  it.each(['.', '-', '_old', ',', '...', '-backup', '\u200B'])('drops %j stuck to the end of the key', (suffix) => {
    expect(parseKeyInput(`${KEY}${suffix}`)).toEqual({ ok: true, key: KEY });
  });

  it('accepts an upper-case prefix and stores it in lower case', () => {
    expect(parseKeyInput(KEY.replace('flx_live_', 'FLX_LIVE_'))).toEqual({ ok: true, key: KEY });
    expect(parseKeyInput(KEY.toUpperCase())).toEqual({ ok: true, key: `flx_live_${KEY.slice(9).toUpperCase()}` });
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
    ['a key with a zero-width space inside', `${KEY.slice(0, 20)}\u200B${KEY.slice(20)}`, 'hidden-characters'],
    ['a key with a Cyrillic а for an a', KEY.replace('a3f9', '\u04303f9'), 'hidden-characters'],
    ['a key with a Cyrillic letter at its end', `${KEY.slice(0, -1)}\u0441`, 'hidden-characters'],
    ['a key with a soft hyphen inside', `${KEY.slice(0, 30)}\u00AD${KEY.slice(30)}`, 'hidden-characters'],
    ['a prefix with a zero-width space inside', `flx_\u200Blive_${KEY.slice(9)}`, 'hidden-characters'],
    ['a key followed by one more hex digit and a dot', `${KEY}0.`, 'wrong-length'],
    ['a curl command naming flx_live_key and two keys', `flx_live_key=1 ${KEY} ${OTHER_KEY}`, 'several-keys'],
    ['only a variable called flx_live_key', 'echo $flx_live_key', 'wrong-length'],
  ])('rejects %s with a reason', (_, pasted, problem) => {
    expect(parseKeyInput(pasted)).toEqual({ ok: false, problem });
  });

  it('finds the key inside any surrounding noise that holds no other key (property)', () => {
    const noise = fc.string().filter((s) => !/flx_live_/i.test(s));
    const after = fc.string().filter((s) => !/flx_live_/i.test(s) && !/^[\p{L}\p{N}]/u.test(s));
    fc.assert(
      fc.property(noise, after, (before, rest) => {
        expect(parseKeyInput(`${before}${KEY}${rest}`)).toEqual({ ok: true, key: KEY });
      }),
      { numRuns: 500 },
    );
  });

  it('drops any punctuation stuck to the end of the key (property)', () => {
    const suffix = fc.string({ minLength: 1 }).filter((s) => /^[^\p{L}\p{N}]/u.test(s) && !s.includes('flx_live_'));
    fc.assert(
      fc.property(suffix, (rest) => {
        expect(parseKeyInput(`${KEY}${rest}`)).toEqual({ ok: true, key: KEY });
      }),
      { numRuns: 500 },
    );
  });

  it('names an invisible or look-alike character anywhere inside the key (property)', () => {
    const odd = fc.constantFrom(
      '\u200B',
      '\u200C',
      '\u200D',
      '\u2060',
      '\uFEFF',
      '\u202E',
      '\u00AD',
      '\u0430',
      '\u0435',
      '\u0441',
    );
    fc.assert(
      fc.property(fc.integer({ min: 9, max: KEY.length - 1 }), odd, (at, char) => {
        expect(parseKeyInput(`${KEY.slice(0, at)}${char}${KEY.slice(at)}`)).toEqual({
          ok: false,
          problem: 'hidden-characters',
        });
      }),
      { numRuns: 500 },
    );
  });

  it('accepts the prefix in any mix of cases and stores it in lower case (property)', () => {
    const cased = fc
      .array(fc.boolean(), { minLength: 9, maxLength: 9 })
      .map((upper) => [...'flx_live_'].map((c, i) => (upper[i] ? c.toUpperCase() : c)).join(''));
    fc.assert(
      fc.property(cased, (prefix) => {
        expect(parseKeyInput(`${prefix}${KEY.slice(9)}`)).toEqual({ ok: true, key: KEY });
      }),
      { numRuns: 200 },
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
