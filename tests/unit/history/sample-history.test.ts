import { describe, expect, it, vi } from 'vitest';
import { resetEvidence, resetInfo } from '@/lib/foresight/next-reset';
import { DAY } from '@/lib/history/calendar';
import { forecastCredits } from '@/lib/foresight/forecast';
import { historyItem } from '@/lib/history/stored';
import { sparklineFacts, sparklineLabel } from '@/lib/foresight/sparkline';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sampleHistory, sampleHistoryStorage } from '../../fake-api/sample-history';
import { en } from '../helpers';

const now = new Date(2026, 10, 27, 15, 4).getTime();

describe('the demo and e2e sample history', () => {
  it('ends on the fake API’s numbers', () => {
    expect(sampleHistory(now).points.at(-1)).toEqual({
      at: now,
      remaining: 1080,
      used: 120,
      monthly: 1000,
      topup: 200,
      compressionsUsed: 45,
      compressionsLimit: 99999,
    });
  });

  it('shows a reset, a top-up, and a forecast that lasts until the next reset', () => {
    const history = sampleHistory(now);
    const reset = resetInfo(null, resetEvidence(history, now), now)!;
    expect(reset).toMatchObject({ day: 18, nextAt: new Date(2026, 11, 18).getTime() });
    const forecast = forecastCredits(history, now);
    expect(forecast.kind === 'pace' && forecast.runOutAt > reset.nextAt).toBe(true);
    expect(sparklineLabel(sparklineFacts(history, now), now, 'en-US', en)).toMatch(
      /monthly reset on Nov 18, 1 top-up on Nov \d+$/,
    );
  });

  it('can be a heavy month that runs out before the reset', () => {
    const history = sampleHistory(now, { daysSinceReset: 25, usedThisPeriod: 990 });
    const forecast = forecastCredits(history, now);
    expect(forecast.kind === 'pace' && forecast.runOutAt < now + 6 * DAY).toBe(true);
  });

  it('can reset at a given moment, with readings every 15 minutes around it', () => {
    const resetAt = new Date(2026, 9, 27, 21, 5).getTime();
    expect(sampleHistory(now, { resetAt }).resets).toEqual([
      { before: new Date(2026, 9, 27, 21, 0).getTime(), after: new Date(2026, 9, 27, 21, 15).getTime() },
    ]);
  });

  it('seeds storage as version 1 wrote it, which reads as the same resets, in wider windows', async () => {
    const resetAt = new Date(2026, 9, 27, 21, 5).getTime();
    await fakeBrowser.storage.local.set(sampleHistoryStorage(now, { resetAt }, { version: 1 }));
    vi.resetModules();
    const { historyItem: fresh } = await import('@/lib/history/stored');
    const [reset] = (await fresh.get()).resets;
    // A month old, the readings around it were thinned to the last of each hour.
    expect(reset).toEqual({
      before: new Date(2026, 9, 27, 20, 45).getTime(),
      after: new Date(2026, 9, 27, 21, 15).getTime(),
    });
  });

  it('is the same every time and seeds storage as the extension reads it', async () => {
    expect(sampleHistory(now)).toEqual(sampleHistory(now));
    await fakeBrowser.storage.local.set(sampleHistoryStorage(now));
    expect(await historyItem.get()).toEqual(sampleHistory(now));
  });
});
