import { describe, expect, it } from 'vitest';
import { HOUR } from '@/lib/history/calendar';
import { dailySpend } from '@/lib/usage/daily-spend';
import { inZone, reading } from './history-fixtures';

/** Hourly readings from `from` for `hours` hours, one credit spent each hour. */
const hourly = (from: number, hours: number, usedBefore = 0) =>
  Array.from({ length: hours + 1 }, (_, hour) => reading(from + hour * HOUR, usedBefore + hour));

describe('AI credits spent per day', () => {
  it('gives every calendar day of the span, oldest first, today last, and zero for a day without spending', () => {
    inZone('Europe/Madrid', () => {
      const now = new Date(2026, 10, 27, 15).getTime();
      const points = [
        reading(new Date(2026, 10, 24, 10).getTime(), 100),
        reading(new Date(2026, 10, 26, 9).getTime(), 140),
      ];
      const days = dailySpend({ points, resets: [] }, 7, now);
      expect(days.map(({ day }) => day)).toEqual([
        20261121, 20261122, 20261123, 20261124, 20261125, 20261126, 20261127,
      ]);
      // What the readings show spent between Nov 24 and Nov 26 counts on the day of the later one.
      expect(days.map(({ spent }) => spent)).toEqual([0, 0, 0, 0, 0, 40, 0]);
      expect(days[0]!.start).toBe(new Date(2026, 10, 21).getTime());
    });
  });

  it.each([
    ['spring forward: a 23-hour day', [2026, 2, 8], 23],
    ['fall back: a 25-hour day', [2026, 10, 1], 25],
  ] as const)('counts a daylight-saving day as one day, %s', (_, [year, month, date], hours) => {
    inZone('America/New_York', () => {
      // Readings every hour from midnight to the next midnight, one credit an hour.
      const start = new Date(year, month, date).getTime();
      const next = new Date(year, month, date + 1).getTime();
      expect((next - start) / HOUR).toBe(hours);
      const points = hourly(start, hours);
      const days = dailySpend({ points, resets: [] }, 3, next + 12 * HOUR);
      expect(days.map(({ start: at }) => new Date(at).getHours())).toEqual([0, 0, 0]);
      // The day before had no readings; the next midnight's reading counts on the next day.
      expect(days.map(({ spent }) => spent)).toEqual([0, hours - 1, 1]);
    });
  });

  it('follows the local calendar far from UTC, not the UTC date', () => {
    for (const [zone, localDate] of [
      ['Pacific/Kiritimati', 20261128],
      ['Pacific/Pago_Pago', 20261127],
    ] as const) {
      inZone(zone, () => {
        // 11:00 UTC on Nov 27 is 01:00 on Nov 28 at UTC+14 and 00:00 on Nov 27 at UTC−11.
        const at = Date.UTC(2026, 10, 27, 11);
        const points = [reading(at - 2 * HOUR, 10), reading(at, 30)];
        const days = dailySpend({ points, resets: [] }, 3, at + HOUR);
        expect(days.find(({ spent }) => spent > 0)?.day).toBe(localDate);
      });
    }
  });

  it('counts a reset by what was used after it, and neither a top-up bought nor a plan change as spending', () => {
    inZone('UTC', () => {
      const day = (d: number, hour: number) => Date.UTC(2026, 10, d, hour);
      const points = [
        reading(day(20, 10), 900),
        reading(day(21, 10), 12), // reset: 12 used since
        reading(day(22, 10), 20, 500), // a top-up of 500 bought, 8 more used
        reading(day(23, 10), 20, 500, 500), // plan down to 500 a month: nothing spent
        reading(day(24, 10), 500, 450, 500), // monthly gone, 50 top-up credits spent too
      ];
      const days = dailySpend({ points, resets: [{ before: day(20, 10), after: day(21, 10) }] }, 5, day(24, 12));
      expect(days.map(({ spent }) => spent)).toEqual([0, 12, 8, 0, 530]);
    });
  });

  it('leaves out readings after now (a clock set back) and before the span', () => {
    inZone('UTC', () => {
      const now = Date.UTC(2026, 10, 27, 12);
      const points = [reading(now - 40 * 24 * HOUR, 0), reading(now - 39 * 24 * HOUR, 50), reading(now + HOUR, 90)];
      expect(dailySpend({ points, resets: [] }, 30, now).every(({ spent }) => spent === 0)).toBe(true);
    });
  });
});
