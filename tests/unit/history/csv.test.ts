import { describe, expect, it } from 'vitest';
import { csvFileName, historyToCsv } from '@/lib/history/csv';

describe('usage history as CSV', () => {
  it('has a header and one row per reading, with ISO times', () => {
    const csv = historyToCsv({
      points: [
        {
          at: Date.UTC(2026, 10, 20, 9, 30),
          remaining: 1080,
          used: 120,
          monthly: 1000,
          topup: 200,
          compressionsUsed: 45,
          compressionsLimit: 500,
        },
        {
          at: Date.UTC(2026, 10, 20, 9, 45),
          remaining: 1070,
          used: 130,
          monthly: 1000,
          topup: 200,
          compressionsUsed: 46,
          compressionsLimit: 500,
        },
      ],
      resets: [],
    });
    expect(csv.split('\r\n')).toEqual([
      'time,ai_credits_remaining,ai_credits_used,ai_credits_monthly,ai_topup_credits,compressions_used,compressions_limit',
      '2026-11-20T09:30:00.000Z,1080,120,1000,200,45,500',
      '2026-11-20T09:45:00.000Z,1070,130,1000,200,46,500',
      '',
    ]);
  });

  it('is only the header when there is no history', () => {
    expect(historyToCsv({ points: [], resets: [] }).split('\r\n')).toHaveLength(2);
  });

  it('names the file after the local date', () => {
    expect(csvFileName(new Date(2026, 0, 5, 23, 59).getTime())).toBe('fluximage-usage-2026-01-05.csv');
  });

  it.each([
    ['Client A', 'fluximage-usage-client-a-2026-01-05.csv'],
    ['Pro ··b2c1', 'fluximage-usage-pro-b2c1-2026-01-05.csv'],
    ['Café / Ñandú: "Q4"', 'fluximage-usage-cafe-nandu-q4-2026-01-05.csv'],
    ['../../etc\\passwd', 'fluximage-usage-etc-passwd-2026-01-05.csv'],
    ['東京 スタジオ', 'fluximage-usage-東京-スタジオ-2026-01-05.csv'],
    ['***', 'fluximage-usage-2026-01-05.csv'],
    ['x'.repeat(80), `fluximage-usage-${'x'.repeat(40)}-2026-01-05.csv`],
  ])('puts the account name %j in the file name, made safe', (name, file) => {
    expect(csvFileName(new Date(2026, 0, 5, 12).getTime(), name)).toBe(file);
  });
});
