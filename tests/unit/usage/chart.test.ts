import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY, HOUR } from '@/lib/history/calendar';
import type { HistoryPoint } from '@/lib/history/points';
import { CHART, PLOT_BOTTOM, creditsChart, niceTop, spendBars, thinForDrawing } from '@/lib/usage/chart';
import { creditsChartLabel, spendChartLabel } from '@/lib/usage/chart-words';
import { dailySpend } from '@/lib/usage/daily-spend';
import { en } from '../helpers';
import { inZone, reading } from './history-fixtures';

const now = Date.UTC(2026, 11, 2, 12);
const xs = (line: string) => line.split(' ').map((pair) => Number(pair.split(',')[0]));
const ys = (line: string) => line.split(' ').map((pair) => Number(pair.split(',')[1]));

/** A year of readings every 5 minutes (≈105,000), spending a little at a time, with a reset each 30 days. */
function yearEveryFiveMinutes(): HistoryPoint[] {
  const points: HistoryPoint[] = [];
  for (let at = now - 365 * DAY; at <= now; at += 5 * 60_000) {
    const intoPeriod = (at - (now - 365 * DAY)) % (30 * DAY);
    points.push(reading(at, Math.min(1000, Math.floor((intoPeriod / (30 * DAY)) * 1200))));
  }
  return points;
}

describe('thinning readings for drawing', () => {
  it('keeps at most four readings a column, in time order, with every column’s lowest and highest', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.integer({ min: 0, max: 10_000 }), used: fc.integer({ min: 0, max: 1000 }) }), {
          maxLength: 400,
        }),
        fc.integer({ min: 1, max: 50 }),
        (raw, columns) => {
          const points = [...new Map(raw.map((p) => [p.at, p])).values()]
            .toSorted((a, b) => a.at - b.at)
            .map(({ at, used }) => reading(at, used));
          const kept = thinForDrawing(points, 0, 10_000, columns);
          expect(kept.length).toBeLessThanOrEqual(4 * columns);
          expect(kept.every((p, i) => i === 0 || p.at > kept[i - 1]!.at)).toBe(true);
          if (points.length === 0) return;
          expect(kept[0]).toBe(points[0]);
          expect(kept.at(-1)).toBe(points.at(-1));
          const lows = (list: HistoryPoint[]) => Math.min(...list.map((p) => p.remaining));
          const highs = (list: HistoryPoint[]) => Math.max(...list.map((p) => p.remaining));
          expect(lows(kept)).toBe(lows(points));
          expect(highs(kept)).toBe(highs(points));
        },
      ),
    );
  });

  it('draws a year of readings every five minutes with a few thousand points, the falls to the bottom kept', () => {
    const points = yearEveryFiveMinutes();
    expect(points.length).toBeGreaterThan(100_000);
    const chart = creditsChart({ points, resets: [] }, 365, now);
    const drawn = xs(chart.line);
    expect(drawn.length).toBeLessThanOrEqual(4 * (CHART.width - CHART.left - CHART.right));
    // Every period runs out: the line reaches zero, at the bottom of the plot.
    expect(Math.max(...ys(chart.line))).toBe(PLOT_BOTTOM);
  });
});

describe('the credits chart', () => {
  const points = [
    reading(now - 20 * DAY, 100),
    reading(now - 15 * DAY, 900),
    reading(now - 14 * DAY, 10), // reset
    reading(now - 10 * DAY, 40, 200), // top-up
    reading(now - HOUR, 200, 200),
  ];
  const resets = [{ before: now - 15 * DAY, after: now - 14 * DAY }];

  it('runs time left to right over the whole span, zero at the bottom, resets and top-ups marked', () => {
    const chart = creditsChart({ points, resets }, 30, now);
    const drawn = xs(chart.line);
    expect(drawn).toEqual(drawn.toSorted((a, b) => a - b));
    // 20 days into a 30-day span starts a third of the way in.
    const width = CHART.width - CHART.left - CHART.right;
    expect(drawn[0]).toBeCloseTo(CHART.left + width / 3, 0);
    expect(chart.marks.map(({ kind, at }) => [kind, at])).toEqual([
      ['reset', now - 14 * DAY],
      ['topup', now - 10 * DAY],
    ]);
    expect(chart.counts.map(({ value }) => value)).toEqual([0, 600, 1200]);
    expect(chart.counts[0]!.at).toBe(PLOT_BOTTOM);
    expect(chart.span).toEqual({ first: 900, last: 1000 });
  });

  it('leaves out what is older than the span', () => {
    const chart = creditsChart({ points, resets }, 30, now + 25 * DAY);
    expect(xs(chart.line)).toHaveLength(1);
    expect(chart.marks).toEqual([]);
  });

  it('says itself in words', () => {
    inZone('UTC', () => {
      const chart = creditsChart({ points, resets }, 30, now);
      expect(creditsChartLabel(chart, 30, now, 'en-US', en)).toBe(
        'AI credits left over the last 30 days: from 900 to 1,000, monthly reset on Nov 18, 1 top-up on Nov 22',
      );
      const empty = creditsChart({ points: [], resets: [] }, 90, now);
      expect(creditsChartLabel(empty, 90, now, 'en-US', en)).toBe('No readings in the last 90 days');
    });
  });
});

describe('the spending bars', () => {
  it('draw one bar a day, as tall as its share of a round top, and say the total and the top day', () => {
    inZone('UTC', () => {
      const points = [reading(now - 3 * DAY, 0), reading(now - 2 * DAY, 40), reading(now - DAY, 120)];
      const days = dailySpend({ points, resets: [] }, 30, now);
      const { bars, counts } = spendBars(days);
      expect(bars).toHaveLength(30);
      expect(counts.map(({ value }) => value)).toEqual([0, 40, 80]);
      // Yesterday, the top day (80), reaches the top of the plot; today nothing was spent yet.
      expect(bars.at(-2)!.height).toBe(PLOT_BOTTOM - CHART.top);
      expect(bars.at(-1)!.height).toBe(0);
      expect(bars.at(-3)!.height * 2).toBeCloseTo(bars.at(-2)!.height, 0);
      expect(bars.every((bar, i) => i === 0 || bar.x > bars[i - 1]!.x)).toBe(true);
      expect(spendChartLabel(days, now, 'en-US', en)).toBe(
        'AI credits spent per day over the last 30 days: 120 in all, the most on Dec 1 (80)',
      );
      expect(spendChartLabel(dailySpend({ points: [], resets: [] }, 30, now), now, 'en-US', en)).toBe(
        'No AI credits spent in the last 30 days',
      );
    });
  });

  it.each([
    [0, 1],
    [1, 1],
    [7, 8],
    [80, 80],
    [81, 100],
    [120, 120],
    [1080, 1200],
    [1160, 1200],
    [2400, 2500],
    [4100, 5000],
    [9001, 10000],
  ])('round a top of %i up to %i', (max, top) => {
    expect(niceTop(max)).toBe(top);
  });
});
