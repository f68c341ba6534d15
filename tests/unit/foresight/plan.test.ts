import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import spanish from '../../../public/_locales/es/messages.json';
import { calendarDaysBetween, DAY, HOUR } from '@/lib/history/calendar';
import { resetInfo, type ResetInfo } from '@/lib/foresight/next-reset';
import { dailyAllowance, monthPace, periodStart, type MonthUse } from '@/lib/foresight/plan';
import { allowanceLine, monthPaceLine } from '@/lib/foresight/plan-words';
import { createTranslator } from '@/lib/platform/i18n';
import { en } from '../helpers';

const es = createTranslator(spanish);
/** Dec 1 2026, 10 AM; the plan renews on the 22nd at midnight. */
const now = new Date(2026, 11, 1, 10).getTime();
const dec22 = new Date(2026, 11, 22).getTime();
const reset: ResetInfo = {
  day: 22,
  source: 'user',
  detectedAt: null,
  nextAt: dec22,
  daysUntil: 21,
  timeOfDay: null,
  due: false,
};
const month = (used: number, monthly = 1000): MonthUse => ({ used, monthly });
const allowance = (
  remaining: number,
  changes: Partial<Parameters<typeof dailyAllowance>[0]> = {},
  t = en,
  locale = 'en-US',
) => allowanceLine(dailyAllowance({ remaining, reset, month: month(300), now, ...changes }), now, locale, t);

describe('the daily allowance', () => {
  it.each([
    [
      'everything left over the days to the reset, today included',
      714,
      {},
      'You can spend about 34 AI credits a day until your reset on Dec 22',
    ],
    ['cut, never more than lasts', 41, {}, 'You can spend about 1 AI credit a day until your reset on Dec 22'],
    ['less than one a day', 20, {}, 'You can spend less than 1 AI credit a day until your reset on Dec 22'],
    ['nothing left', 0, {}, 'No AI credits left to spend until your reset on Dec 22'],
    [
      'nothing spent yet this month',
      1000,
      { month: month(0) },
      'Nothing spent yet this month: you can spend about 47 AI credits a day until your reset on Dec 22',
    ],
    [
      'the reset is today',
      120,
      { reset: { ...reset, nextAt: new Date(2026, 11, 1, 19).getTime(), daysUntil: 0 } },
      'Your reset is today: until then you can spend the 120 AI credits left',
    ],
    ['the reset date unknown', 500, { reset: null }, null],
    ['a reset due and not seen yet', 500, { reset: { ...reset, nextAt: now - HOUR, daysUntil: 0, due: true } }, null],
  ])('%s', (_, remaining, changes, expected) => {
    expect(allowance(remaining, changes)).toBe(expected);
  });

  it('counts the top-up credits in what is left once the monthly ones are gone', () => {
    // 1,000 of 1,000 monthly used, 210 top-up credits left: FluxImage reports 210 remaining.
    expect(allowance(210, { month: month(1000) })).toBe(
      'You can spend about 10 AI credits a day until your reset on Dec 22',
    );
  });

  it('speaks Spanish', () => {
    expect(allowance(714, {}, es, 'es')).toBe(
      'Puedes gastar unos 34 créditos de IA al día hasta tu renovación del 22 dic',
    );
    expect(allowance(0, {}, es, 'es')).toBe('No te quedan créditos de IA que gastar hasta tu renovación del 22 dic');
  });

  it('is never negative and never dated before today, whatever the clock and the numbers', () => {
    const moments = fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) });
    fc.assert(
      fc.property(
        moments,
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: -50, max: 2_000_000 }),
        fc.option(moments, { nil: null }),
        fc.integer({ min: 0, max: 2000 }),
        (at, day, remaining, lastSeen, used) => {
          const evidence = {
            resets: lastSeen === null || lastSeen > at ? [] : [{ before: null, after: lastSeen }],
            firstReadingAt: at - 30 * DAY,
            lastReadingAt: at,
          };
          const info = resetInfo(day, evidence, at);
          const facts = dailyAllowance({ remaining, reset: info, month: month(used), now: at });
          if (facts === null) return;
          if (facts.kind === 'per-day') {
            expect(facts.perDay).toBeGreaterThanOrEqual(0);
            expect(facts.days).toBeGreaterThanOrEqual(1);
          }
          if (facts.kind !== 'reset-today') expect(calendarDaysBetween(at, facts.resetAt)).toBeGreaterThanOrEqual(0);
          const words = allowanceLine(facts, at, 'en-US', en)!;
          expect(words).not.toMatch(/-\d/);
          expect(words).not.toBe('');
        },
      ),
    );
  });
});

describe('the pace against the month', () => {
  /** Nov 22 to Dec 22: 30 days. */
  const at = (day: number, hour = 0) => new Date(2026, 10, 22 + day, hour).getTime();
  const line = (used: number, when: number, t = en, locale = 'en-US') =>
    monthPaceLine(monthPace(month(used), reset, when), locale, t);

  it('begins on the renewal day a month before the next reset, a 31st clamped to a short month', () => {
    expect(periodStart(reset)).toBe(new Date(2026, 10, 22).getTime());
    expect(periodStart({ day: 31, nextAt: new Date(2026, 11, 31, 19).getTime() })).toBe(
      new Date(2026, 10, 30, 19).getTime(),
    );
    expect(periodStart({ day: 31, nextAt: new Date(2027, 2, 31).getTime() })).toBe(new Date(2027, 1, 28).getTime());
  });

  it.each([
    [
      'ahead of an even spend',
      620,
      at(13, 12),
      "62% of this month's AI credits used, 45% of the month gone",
      'Spending faster than an even pace',
      'faster',
    ],
    [
      'behind it',
      200,
      at(13, 12),
      "20% of this month's AI credits used, 45% of the month gone",
      'Spending slower than an even pace',
      'slower',
    ],
    [
      'within 5 points of it',
      480,
      at(13, 12),
      "48% of this month's AI credits used, 45% of the month gone",
      'Spending at about an even pace',
      'even',
    ],
    [
      'nothing used yet',
      0,
      at(3),
      "0% of this month's AI credits used, 10% of the month gone",
      'Spending slower than an even pace',
      'slower',
    ],
    [
      'more used than allotted',
      1200,
      at(20),
      "100% of this month's AI credits used, 67% of the month gone",
      'Spending faster than an even pace',
      'faster',
    ],
  ])('%s', (_, used, when, text, standing, tone) => {
    expect(line(used, when)).toEqual({ text: `${text}. ${standing}.`, tone });
  });

  it('says nothing until a day of the period has passed', () => {
    expect(line(100, at(0, 23))).toBeNull();
    expect(line(100, at(1))).not.toBeNull();
  });

  it('says nothing without an allocation, a reset date, or once the reset is due', () => {
    expect(monthPaceLine(monthPace(month(0, 0), reset, at(10)), 'en-US', en)).toBeNull();
    expect(monthPace(month(100), null, at(10))).toBeNull();
    expect(monthPace(month(100), { ...reset, nextAt: at(10) - HOUR, due: true }, at(10))).toBeNull();
    expect(monthPace(null, reset, at(10))).toBeNull();
  });

  it('speaks Spanish', () => {
    expect(line(620, at(13, 12), es, 'es')).toEqual({
      text: 'Usado el 62\u00a0% de los créditos de IA de este mes, transcurrido el 45\u00a0% del mes. Gastas más rápido que a un ritmo uniforme.',
      tone: 'faster',
    });
  });

  it('keeps both shares between 0 and 100 % and the period begun before now, whatever the inputs', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }),
        fc.integer({ min: 1, max: 31 }),
        fc.integer({ min: -100, max: 100_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        (when, day, used, monthly) => {
          const info = resetInfo(day, { resets: [], firstReadingAt: null, lastReadingAt: null }, when)!;
          const pace = monthPace({ used, monthly }, info, when);
          if (pace === null) return;
          expect(periodStart(info)).toBeLessThanOrEqual(when - DAY);
          for (const share of [pace.used, pace.gone]) {
            expect(share).toBeGreaterThanOrEqual(0);
            expect(share).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});
