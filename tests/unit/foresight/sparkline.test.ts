import { describe, expect, it } from 'vitest';
import spanish from '../../../public/_locales/es/messages.json';
import { DAY, HOUR } from '@/lib/history/calendar';
import { appendPoint } from '@/lib/history/readings';
import { EMPTY_HISTORY, type HistoryPoint, type UsageHistory } from '@/lib/history/points';
import { createTranslator } from '@/lib/platform/i18n';
import { sparklineFacts, sparklineGeometry, sparklineLabel, type SparklineFacts } from '@/lib/foresight/sparkline';
import { en } from '../helpers';

const now = new Date(2026, 11, 1, 12).getTime();
const reading = (daysAgo: number, remaining: number, changes: Partial<HistoryPoint> = {}): HistoryPoint => ({
  at: now - daysAgo * DAY,
  remaining,
  used: 1000 - remaining,
  monthly: 1000,
  topup: 0,
  compressionsUsed: 0,
  compressionsLimit: 500,
  ...changes,
});

/** 1,800 → 1,080 over the month, with a top-up of 500 on Nov 20 (11 days ago). */
const month: UsageHistory = {
  points: [
    reading(40, 2000),
    reading(30, 1800, { used: 200, topup: 1000 }),
    reading(12, 600, { used: 1000, topup: 600 }),
    reading(11, 1100, { used: 1000, topup: 1100 }),
    reading(0, 1080, { used: 1000, topup: 1080 }),
  ],
  resets: [],
};

describe('sparkline geometry', () => {
  it('draws the last 30 days across the width, from zero at the bottom to the highest value at the top', () => {
    const geometry = sparklineGeometry(month, now, 300, 50);
    expect(geometry.line).toBe('3,3 179.4,32.3 189.2,20.1 297,20.6');
    expect(geometry.dot).toEqual({ x: 297, y: 20.6 });
    expect(geometry.marks).toEqual([{ kind: 'topup', at: now - 11 * DAY, x: 189.2 }]);
  });

  it('marks observed resets', () => {
    const geometry = sparklineGeometry(
      { ...month, resets: [now - 45 * DAY, now - 5 * DAY].map((after) => ({ before: after - HOUR, after })) },
      now,
      300,
      50,
    );
    expect(geometry.marks.map((mark) => [mark.kind, mark.x])).toEqual([
      ['topup', 189.2],
      ['reset', 248],
    ]);
  });

  it('marks both a top-up and a reset seen in the same poll', () => {
    const points = [
      reading(3, 0, { used: 1000, compressionsUsed: 300 }),
      reading(2, 1500, { used: 0, topup: 500, compressionsUsed: 0 }),
      reading(1, 1490, { used: 10, topup: 500, compressionsUsed: 2 }),
    ];
    const history = points.reduce((kept, point) => appendPoint(kept, point, point.at), EMPTY_HISTORY);
    const { marks } = sparklineGeometry(history, now, 300, 50);
    expect(marks.map((mark) => [mark.kind, mark.x]).toSorted()).toEqual([
      ['reset', 277.4],
      ['topup', 277.4],
    ]);
    expect(sparklineLabel(sparklineFacts(history, now), now, 'en-US', en)).toBe(
      'AI credits left over the last 30 days: from 0 to 1,490, monthly reset on Nov 29, 1 top-up on Nov 29',
    );
  });

  it('draws nothing, and stays finite, without readings or with only zeros', () => {
    expect(sparklineGeometry({ points: [], resets: [] }, now, 300, 50)).toEqual({ line: '', dot: null, marks: [] });
    const zeros = sparklineGeometry({ points: [reading(2, 0), reading(1, 0)], resets: [] }, now, 300, 50);
    expect(zeros.line).toBe('277.4,47 287.2,47');
  });
});

describe('sparkline in words', () => {
  it('says where the credits went and what came back', () => {
    expect(sparklineLabel(sparklineFacts(month, now), now, 'en-US', en)).toBe(
      'AI credits left over the last 30 days: from 1,800 to 1,080, 1 top-up on Nov 20',
    );
  });

  it('lists resets and several top-ups', () => {
    const points = [...month.points, reading(-1, 1090)];
    points.splice(3, 0, reading(11.9, 900, { used: 1000, topup: 900 }));
    const history = { points, resets: [{ before: now - 5 * DAY - HOUR, after: now - 5 * DAY }] };
    expect(sparklineLabel(sparklineFacts(history, now), now, 'en-US', en)).toBe(
      'AI credits left over the last 30 days: from 1,800 to 1,080, monthly reset on Nov 26, 2 top-ups (Nov 19 and Nov 20)',
    );
  });

  it('speaks Spanish', () => {
    expect(sparklineLabel(sparklineFacts(month, now), now, 'es', createTranslator(spanish))).toBe(
      'Créditos de IA restantes en los últimos 30 días: de 1800 a 1080, 1 recarga el 20 nov',
    );
  });

  it('names a day once when several top-ups fall on it', () => {
    const points = [...month.points];
    points.splice(3, 0, reading(11.2, 900, { used: 1000, topup: 900 }));
    expect(sparklineLabel(sparklineFacts({ points, resets: [] }, now), now, 'en-US', en)).toBe(
      'AI credits left over the last 30 days: from 1,800 to 1,080, 2 top-ups (Nov 20)',
    );
  });

  it('says when there is nothing to draw yet', () => {
    expect(sparklineLabel(sparklineFacts({ points: [], resets: [] }, now), now, 'en-US', en)).toBe(
      'No AI credit history for the last 30 days yet',
    );
  });

  it('is worded from the stored facts by the page: its language, and its year', () => {
    const stored: SparklineFacts = JSON.parse(JSON.stringify(sparklineFacts(month, now)));
    const nextYear = new Date(2027, 0, 5).getTime();
    expect(sparklineLabel(stored, nextYear, 'es', createTranslator(spanish))).toBe(
      'Créditos de IA restantes en los últimos 30 días: de 1800 a 1080, 1 recarga el 20 nov 2026',
    );
  });
});
