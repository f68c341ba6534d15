import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  checkoutLink,
  hasUnlimitedCompressions,
  parseUsage,
  snapshotSchema,
  usageResponseSchema,
} from '@/lib/account/usage';
import { SAMPLE_RESPONSE, usage } from '../helpers';

const NUMERIC_FIELDS = [
  'compressor_used',
  'compressor_limit',
  'ia_credits_used',
  'ia_credits_monthly',
  'ia_topup_credits',
  'ia_credits_remaining',
] as const;

describe('usage response schema', () => {
  it('accepts the sample from the published page and maps it to our names', () => {
    expect(parseUsage(SAMPLE_RESPONSE)).toEqual({
      plan: 'pro',
      compressionsUsed: 45,
      compressionsLimit: 99999,
      creditsUsed: 120,
      creditsMonthly: 1000,
      topupCredits: 200,
      remainingCredits: 1080,
      canCompress: true,
      canUseAi: true,
      // The sample's "..." values are not links, so no top-up button is offered.
      topups: {},
    });
  });

  it.each(NUMERIC_FIELDS)('rejects a negative %s', (field) => {
    expect(parseUsage({ ...SAMPLE_RESPONSE, [field]: -1 })).toBeNull();
  });

  it.each(NUMERIC_FIELDS)('rejects %s sent as a string', (field) => {
    expect(parseUsage({ ...SAMPLE_RESPONSE, [field]: '5' })).toBeNull();
  });

  it.each([...NUMERIC_FIELDS, 'plan', 'canCompress', 'canUseIA'] as const)('rejects a body without %s', (field) => {
    const body: Record<string, unknown> = { ...SAMPLE_RESPONSE };
    delete body[field];
    expect(parseUsage(body)).toBeNull();
  });

  it.each([
    ['canUseIA as a string', { canUseIA: 'true' }],
    ['canCompress as a number', { canCompress: 1 }],
    ['plan as a number', { plan: 3 }],
    ['an empty plan', { plan: '' }],
    ['NaN credits', { ia_credits_remaining: Number.NaN }],
    ['infinite credits', { ia_credits_remaining: Number.POSITIVE_INFINITY }],
    ['topups as a string', { topups: 'none' }],
  ])('rejects %s', (_, change) => {
    expect(parseUsage({ ...SAMPLE_RESPONSE, ...change })).toBeNull();
  });

  it.each([null, undefined, 'text', 42, [], [SAMPLE_RESPONSE]])('rejects a body that is %j', (body) => {
    expect(parseUsage(body)).toBeNull();
  });

  it.each([
    ['a fraction', 10.5],
    ['1e300', 1e300],
    ['one past the largest safe integer', Number.MAX_SAFE_INTEGER + 1],
    ['a tiny negative', -1e-9],
  ])('rejects credits that are %s', (_, value) => {
    expect(parseUsage({ ...SAMPLE_RESPONSE, ia_credits_remaining: value })).toBeNull();
  });

  it('accepts the largest safe integer as a count', () => {
    const parsed = parseUsage({ ...SAMPLE_RESPONSE, ia_credits_remaining: Number.MAX_SAFE_INTEGER });
    expect(parsed?.remainingCredits).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('reads -0 credits as 0', () => {
    expect(Object.is(parseUsage({ ...SAMPLE_RESPONSE, ia_credits_remaining: -0 })?.remainingCredits, 0)).toBe(true);
  });

  it.each([
    ['a right-to-left override', 'pro\u202E', 'pro'],
    ['bidi embeddings and isolates', '\u202Apro\u202C\u2066x\u2069', 'prox'],
    ['marks', '\u200Epro\u200F\u061C', 'pro'],
    ['zero-width characters and a BOM', '\uFEFFp\u200Bro\u200D', 'pro'],
    ['C0 and C1 controls', '\u0000pro\n\u0085\u009B', 'pro'],
  ])('strips %s from the plan', (_, plan, cleaned) => {
    expect(parseUsage({ ...SAMPLE_RESPONSE, plan })?.plan).toBe(cleaned);
  });

  it('rejects a plan made only of invisible characters', () => {
    expect(parseUsage({ ...SAMPLE_RESPONSE, plan: '\u202E\u200B' })).toBeNull();
  });

  it('tolerates unknown extra fields', () => {
    expect(parseUsage({ ...SAMPLE_RESPONSE, billing_period_end: '2026-12-01', beta: { x: 1 } })?.remainingCredits).toBe(
      1080,
    );
  });

  it('keeps an unknown plan name for display', () => {
    expect(parseUsage({ ...SAMPLE_RESPONSE, plan: 'enterprise' })?.plan).toBe('enterprise');
  });

  it('tolerates a body without topups', () => {
    const body: Record<string, unknown> = { ...SAMPLE_RESPONSE };
    delete body.topups;
    expect(parseUsage(body)?.topups).toEqual({});
  });

  it('keeps only top-up links that are https on fluximage.app', () => {
    const parsed = parseUsage({
      ...SAMPLE_RESPONSE,
      topups: {
        small: 'https://fluximage.app/checkout/s',
        medium: 'javascript:alert(1)',
        large: 'http://fluximage.app/checkout/l',
      },
    });
    expect(parsed?.topups).toEqual({ small: 'https://fluximage.app/checkout/s' });
  });

  it('keeps checkout links normalised, and refuses any on another port', () => {
    const parsed = parseUsage({
      ...SAMPLE_RESPONSE,
      topups: {
        small: 'https://FLUXIMAGE.app:443/checkout/s',
        medium: 'https://fluximage.app:8443/checkout/m',
        large: 'https://fluximage.app/checkout/l?pack=large',
      },
    });
    expect(parsed?.topups).toEqual({
      small: 'https://fluximage.app/checkout/s',
      large: 'https://fluximage.app/checkout/l?pack=large',
    });
  });

  it('accepts any body of the documented shape (property)', () => {
    const count = fc.nat({ max: 10_000_000 });
    const body = fc.record({
      plan: fc.string({ minLength: 1 }).filter((plan) => /[^\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(plan)),
      compressor_used: count,
      compressor_limit: count,
      ia_credits_used: count,
      ia_credits_monthly: count,
      ia_topup_credits: count,
      ia_credits_remaining: count,
      canCompress: fc.boolean(),
      canUseIA: fc.boolean(),
      topups: fc.record({ small: fc.string(), medium: fc.string(), large: fc.string() }),
    });
    fc.assert(
      fc.property(body, (sample) => {
        expect(parseUsage(sample)?.remainingCredits).toBe(sample.ia_credits_remaining);
      }),
      { numRuns: 300 },
    );
  });

  it('rejects any body with one field of the wrong type (property)', () => {
    const fields = Object.keys(usageResponseSchema.shape).filter((f) => f !== 'topups');
    const wrong = fc.oneof(fc.string(), fc.constant(null), fc.double({ max: -0.001 }), fc.object(), fc.boolean());
    fc.assert(
      fc.property(fc.constantFrom(...fields), wrong, (field, value) => {
        const original = SAMPLE_RESPONSE[field as keyof typeof SAMPLE_RESPONSE];
        fc.pre(typeof value !== typeof original || (typeof value === 'number' && value < 0));
        fc.pre(!(field === 'plan' && typeof value === 'string' && value.length > 0));
        expect(parseUsage({ ...SAMPLE_RESPONSE, [field]: value })).toBeNull();
      }),
      { numRuns: 500 },
    );
  });
});

describe('stored snapshot, as read back', () => {
  const stored = (changes: object, fetchedAt = Date.UTC(2026, 10, 25)) => ({
    usage: { ...usage(), ...changes },
    fetchedAt,
  });
  const read = (value: unknown) => {
    const parsed = snapshotSchema.safeParse(value);
    return parsed.success ? parsed.data : null;
  };

  it('drops checkout links that are no longer safe, whoever wrote them', () => {
    const snapshot = read(
      stored({
        topups: {
          small: 'https://fluximage.app/checkout/s',
          medium: 'https://evil.example/checkout',
          large: 'https://fluximage.app:8443/checkout/l',
        },
      }),
    );
    expect(snapshot?.usage.topups).toEqual({ small: 'https://fluximage.app/checkout/s' });
  });

  it('strips hidden characters from a stored plan', () => {
    expect(read(stored({ plan: 'pro\u202E' }))?.usage.plan).toBe('pro');
  });

  it('reads -0 credits as 0 (Firefox keeps -0 in storage)', () => {
    expect(Object.is(read(stored({ remainingCredits: -0 }))?.usage.remainingCredits, 0)).toBe(true);
  });

  it.each([
    ['beyond what a date can hold', 1e16],
    ['before any clock that can reach FluxImage', 5],
    ['negative', -1],
    ['infinite', Number.POSITIVE_INFINITY],
    ['not a number', Number.NaN],
  ])('is absent when it was fetched at a time %s', (_, fetchedAt) => {
    expect(read(stored({}, fetchedAt))).toBeNull();
  });

  it.each([
    ['fractional', 1.5],
    ['huge', 1e300],
  ])('is absent when a count is %s', (_, remainingCredits) => {
    expect(read(stored({ remainingCredits }))).toBeNull();
  });
});

describe('links the popup may open', () => {
  it.each([
    ['https://fluximage.app/checkout/abc', 'https://fluximage.app/checkout/abc'],
    ['https://fluximage.app', 'https://fluximage.app/'],
    ['https://FLUXIMAGE.app:443/checkout', 'https://fluximage.app/checkout'],
    ['http://fluximage.app/checkout', undefined],
    ['https://fluximage.app.evil.com/', undefined],
    ['https://evil.com/fluximage.app', undefined],
    ['https://user:pass@fluximage.app/', undefined],
    ['https://fluximage.app:8443/checkout', undefined],
    ['javascript:alert(1)', undefined],
    ['data:text/html,hi', undefined],
    ['...', undefined],
    ['', undefined],
  ])('%s → %s', (url, link) => {
    expect(checkoutLink(url)).toBe(link);
  });
});

describe('unlimited compressions', () => {
  it.each([
    ['pro', 99999, true],
    ['agency', 5000, true],
    ['starter', 200, false],
    ['free', 20, false],
    ['enterprise', 99999, true],
    ['enterprise', 1_000_000, true],
  ])('%s plan with a cap of %i → unlimited: %s', (plan, compressionsLimit, unlimited) => {
    expect(hasUnlimitedCompressions(usage({ plan, compressionsLimit }))).toBe(unlimited);
  });
});
