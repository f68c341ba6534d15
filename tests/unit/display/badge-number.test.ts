import { describe, expect, it } from 'vitest';
import { badgeNumber } from '@/lib/display/badge-number';
import { DEFAULT_INSIGHT_SETTINGS } from '@/lib/foresight/settings';
import { usage } from '../helpers';

const compressions = { ...DEFAULT_INSIGHT_SETTINGS, badge: 'compressions' as const };
const starter = (compressionsUsed: number, canCompress = true) =>
  usage({ plan: 'starter', compressionsLimit: 500, compressionsUsed, canCompress });

describe('the number on the badge', () => {
  it.each([
    ['credits by default', DEFAULT_INSIGHT_SETTINGS, starter(10), { counts: 'credits', value: 1080, level: 'normal' }],
    [
      'credits at their own threshold',
      DEFAULT_INSIGHT_SETTINGS,
      usage({ remainingCredits: 100 }),
      { counts: 'credits', value: 100, level: 'low' },
    ],
    ['compressions left', compressions, starter(45), { counts: 'compressions', value: 455, level: 'normal' }],
    [
      'compressions low at 10% of the limit',
      compressions,
      starter(450),
      { counts: 'compressions', value: 50, level: 'low' },
    ],
    ['compressions used up', compressions, starter(500, false), { counts: 'compressions', value: 0, level: 'empty' }],
    [
      'FluxImage refusing compressions',
      compressions,
      starter(200, false),
      { counts: 'compressions', value: 300, level: 'empty' },
    ],
    [
      'credits when compressions are unlimited',
      compressions,
      usage({ plan: 'pro' }),
      { counts: 'credits', value: 1080, level: 'normal' },
    ],
  ])('%s', (_, settings, current, expected) => {
    expect(badgeNumber(settings, current, 100)).toEqual(expected);
  });
});
