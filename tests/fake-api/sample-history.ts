// A believable month of readings for `npm run demo`, the screenshots and the e2e
// tests: it ends on the fake API's sample numbers, so the popup's figures, forecast
// and sparkline agree. Deterministic: the same `now` always gives the same history.
import { DAY, HOUR } from '../../lib/history/calendar';
import { encodeHistory } from '../../lib/history/codec';
import { appendPoint } from '../../lib/history/readings';
import { EMPTY_HISTORY, type HistoryPoint, type UsageHistory } from '../../lib/history/points';
import { SAMPLE_USAGE } from './server';

export interface SampleOptions {
  /** Days since the monthly reset (at local midnight). */
  daysSinceReset?: number;
  /** The moment of the monthly reset, instead: the browser is open for two hours either side of it. */
  resetAt?: number;
  /** AI credits used so far this period; the sample's 120 by default. */
  usedThisPeriod?: number;
}

/** A small seeded generator (mulberry32), so samples are reproducible. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Splits `total` into whole parts in proportion to `weights` (largest remainder). */
function share(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const exact = weights.map((w) => (w / sum) * total);
  const parts = exact.map(Math.floor);
  const order = exact.map((value, index) => [value - parts[index]!, index] as const).toSorted((a, b) => b[0] - a[0]);
  const missing = total - parts.reduce((a, b) => a + b, 0);
  for (let k = 0; k < missing; k += 1) parts[order[k]![1]]! += 1;
  return parts;
}

/**
 * Checks every 15 minutes while the browser is open (8:00–20:00, closed one weekend),
 * spending mostly in working hours; a 500-credit top-up when the monthly credits run low, a reset
 * `daysSinceReset` days ago, and the sample's numbers at `now`.
 */
export function sampleHistory(now: number, options: SampleOptions = {}): UsageHistory {
  const { daysSinceReset = 9, usedThisPeriod = SAMPLE_USAGE.ia_credits_used } = options;
  const next = random(now % 1_000_003);
  const start = now - 35 * DAY;
  const resetDay = new Date(now - daysSinceReset * DAY);
  const resetAt =
    options.resetAt ?? new Date(resetDay.getFullYear(), resetDay.getMonth(), resetDay.getDate()).getTime();
  const closed = [now - 16 * DAY, now - 14 * DAY];

  const times: number[] = [];
  for (let at = start - (start % (15 * 60_000)); at < now; at += 15 * 60_000) {
    const hour = new Date(at).getHours();
    const open = hour >= 8 && hour < 20 && !(at > closed[0]! && at < closed[1]!);
    if (open || (options.resetAt !== undefined && Math.abs(at - resetAt) <= 2 * HOUR)) times.push(at);
  }
  times.push(now);
  const weight = (at: number) => {
    const date = new Date(at);
    const working = date.getHours() >= 9 && date.getHours() < 18 ? 1 : 0.2;
    return (date.getDay() % 6 === 0 ? 0.3 : 1) * working * next();
  };
  const before = times.filter((at) => at < resetAt);
  const after = times.filter((at) => at >= resetAt);
  // Last period: 400 of 1,000 used at the start, all of it and 300 top-up credits by its end.
  const spends = [...share(900, before.map(weight)), ...share(usedThisPeriod, after.map(weight))];
  const compressions = [...share(180, before.map(weight)), ...share(SAMPLE_USAGE.compressor_used, after.map(weight))];

  const monthly = SAMPLE_USAGE.ia_credits_monthly;
  let used = 400;
  let topup = 0;
  let compressionsUsed = 220;
  let toppedUp = false;
  let history = EMPTY_HISTORY;
  times.forEach((at, index) => {
    if (at >= resetAt && times[index - 1]! < resetAt) {
      used = 0;
      compressionsUsed = 0;
    }
    // The user buys a top-up when the monthly credits are nearly gone.
    if (!toppedUp && monthly - used < 50) {
      topup += 500;
      toppedUp = true;
    }
    const fromMonthly = Math.min(spends[index]!, monthly - used);
    used += fromMonthly;
    topup -= spends[index]! - fromMonthly;
    compressionsUsed += compressions[index]!;
    const point: HistoryPoint = {
      at,
      remaining: monthly - used + topup,
      used,
      monthly,
      topup,
      compressionsUsed,
      compressionsLimit: SAMPLE_USAGE.compressor_limit,
    };
    history = appendPoint(history, point, at);
  });
  return history;
}

/**
 * `storage.local` entries that seed the sample history, as the extension stores it
 * (version 2), or as version 1 did (resets as the times they were first seen), to
 * walk the upgrade too.
 */
export function sampleHistoryStorage(
  now: number,
  options?: SampleOptions,
  { version = 2 }: { version?: 1 | 2 } = {},
): Record<string, unknown> {
  const stored = encodeHistory(sampleHistory(now, options));
  if (version === 2) return { usageHistory: stored, usageHistory$: { v: 2 } };
  return { usageHistory: { ...stored, resets: stored.resets.map((reset) => reset.after) }, usageHistory$: { v: 1 } };
}
