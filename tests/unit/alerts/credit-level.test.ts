import { describe, expect, it } from 'vitest';
import {
  creditLevel,
  decideAlert,
  defaultThreshold,
  type AlertMemory,
  type CreditLevel,
} from '@/lib/alerts/credit-level';

describe('default threshold', () => {
  it.each([
    [0, 1],
    [5, 1],
    [200, 20],
    [1000, 100],
    [10000, 1000],
  ])('with %i monthly credits it is %i', (monthly, threshold) => {
    expect(defaultThreshold(monthly)).toBe(threshold);
  });
});

describe('credit level', () => {
  it.each([
    [1080, 100, 'normal'],
    [101, 100, 'normal'],
    [100, 100, 'low'],
    [100.9, 100, 'low'],
    [1, 100, 'low'],
    [0.5, 100, 'empty'],
    [0, 100, 'empty'],
  ])('%d left with a threshold of %i is %s', (remaining, threshold, level) => {
    expect(creditLevel(remaining, threshold)).toBe(level);
  });
});

/** Feeds a series of levels through the alert rule and lists what was announced. */
function announcements(levels: CreditLevel[], memory: AlertMemory = 'normal'): (string | null)[] {
  return levels.map((level) => {
    const decision = decideAlert(memory, level);
    memory = decision.memory;
    return decision.announce;
  });
}

describe('low-credit alerts', () => {
  it('announces once when credits cross down to the threshold, not on every poll', () => {
    expect(announcements(['normal', 'low', 'low', 'low'])).toEqual([null, 'low', null, null]);
  });

  it('announces once more when credits reach zero', () => {
    expect(announcements(['low', 'low', 'empty', 'empty'])).toEqual(['low', null, 'empty', null]);
  });

  it('announces the empty state alone when credits drop straight to zero', () => {
    expect(announcements(['normal', 'empty', 'low', 'empty'])).toEqual([null, 'empty', null, null]);
  });

  it('re-arms only after credits rise above the threshold', () => {
    expect(announcements(['low', 'normal', 'low'])).toEqual(['low', null, 'low']);
  });

  it('stays quiet after a small top-up that leaves credits under the threshold', () => {
    expect(announcements(['low', 'empty', 'low', 'empty'])).toEqual(['low', 'empty', null, null]);
  });

  it('remembers across restarts through the stored memory', () => {
    expect(announcements(['low'], 'low')).toEqual([null]);
    expect(announcements(['empty'], 'low')).toEqual(['empty']);
  });
});
