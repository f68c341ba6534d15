import { describe, expect, it } from 'vitest';
import { planLabel } from '@/lib/account/plan';
import { en } from '../helpers';

describe('plan label', () => {
  it.each([
    ['pro', 'Pro'],
    ['agency', 'Agency'],
    ['enterprise', 'Enterprise'],
    // Names of Object.prototype's members are plan names like any other, not messages to look up.
    ['constructor', 'Constructor'],
    ['toString', 'ToString'],
    ['__proto__', '__proto__'],
    ['hasOwnProperty', 'HasOwnProperty'],
  ])('%s → %s', (plan, label) => {
    expect(planLabel(plan, en)).toBe(label);
  });

  it('cuts a long name to 40 characters, ending in an ellipsis', () => {
    const label = planLabel('x'.repeat(60_000), en);
    expect(Array.from(label)).toHaveLength(40);
    expect(label.endsWith('…')).toBe(true);
  });

  it('never cuts a character in half', () => {
    const label = planLabel('😀'.repeat(50), en);
    expect(label).toBe(`${'😀'.repeat(39)}…`);
  });

  it('keeps a name of exactly 40 characters whole', () => {
    expect(planLabel('a'.repeat(40), en)).toBe(`A${'a'.repeat(39)}`);
  });
});
