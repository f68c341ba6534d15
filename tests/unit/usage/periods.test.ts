import { describe, expect, it } from 'vitest';
import { DAY } from '@/lib/history/calendar';
import { EMPTY_HISTORY } from '@/lib/history/points';
import { billingPeriods } from '@/lib/usage/periods';
import { reading } from './history-fixtures';

const start = Date.UTC(2026, 8, 20, 9);
const at = (days: number) => start + days * DAY;

describe('billing periods', () => {
  it('are none without readings', () => {
    expect(billingPeriods(EMPTY_HISTORY)).toEqual([]);
  });

  it('cut the history at each reset, the current one first and in progress, the first from the first reading', () => {
    const points = [
      reading(at(0), 400),
      reading(at(10), 1000), // ran out
      reading(at(12), 1000, 200), // bought 200 top-up credits
      reading(at(20), 1000, 50), // spent 150 of them
      reading(at(25), 30, 50), // reset: 30 used since
      reading(at(40), 600, 50),
      reading(at(55), 5, 50), // reset
      reading(at(60), 105, 550), // bought 500, used 100
    ];
    const resets = [
      { before: at(20), after: at(25) },
      { before: at(40), after: at(55) },
    ];
    expect(billingPeriods({ points, resets })).toEqual([
      { from: at(55), to: at(60), fromReset: true, current: true, spent: 105, toppedUp: 500, ranOutAt: null },
      { from: at(25), to: at(40), fromReset: true, current: false, spent: 600, toppedUp: 0, ranOutAt: null },
      { from: at(0), to: at(20), fromReset: false, current: false, spent: 750, toppedUp: 200, ranOutAt: at(10) },
    ]);
  });

  it('are one, in progress, before any reset was seen', () => {
    const points = [reading(at(0), 100), reading(at(3), 160)];
    expect(billingPeriods({ points, resets: [] })).toEqual([
      { from: at(0), to: at(3), fromReset: false, current: true, spent: 60, toppedUp: 0, ranOutAt: null },
    ]);
  });

  it('count a plan change as no spending and keep it in the same period', () => {
    const points = [reading(at(0), 100), reading(at(1), 100, 0, 500), reading(at(2), 120, 0, 500)];
    const [only, ...rest] = billingPeriods({ points, resets: [] });
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ spent: 20, toppedUp: 0 });
  });
});
