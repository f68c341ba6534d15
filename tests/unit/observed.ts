import { DAY } from '@/lib/history/calendar';
import { appendPoint } from '@/lib/history/readings';
import { EMPTY_HISTORY, type UsageHistory } from '@/lib/history/points';

const MINUTE = 60_000;

export interface Watch {
  /** The first and last reading. */
  from: number;
  to: number;
  /** Minutes between readings while the browser is open. */
  every?: number;
  /** When FluxImage really reset the counters. */
  resetsAt?: number[];
  /** Spans with the browser closed: no readings. */
  closed?: [number, number][];
  /** AI credits spent a day (and half as many compressions). */
  perDay?: number;
  monthly?: number;
  /** AI credits already used at the first reading. */
  usedAtStart?: number;
}

/** The history the extension would have kept, reading the account as `watch` says. */
export function observe(watch: Watch): UsageHistory {
  const { from, to, every = 15, resetsAt = [], closed = [], perDay = 24, monthly = 1000, usedAtStart = 300 } = watch;
  let history = EMPTY_HISTORY;
  let used = usedAtStart;
  let last = from;
  for (let at = from; at <= to; at += every * MINUTE) {
    if (closed.some(([start, end]) => at > start && at < end)) continue;
    const reset = resetsAt.findLast((moment) => moment > last && moment <= at);
    used = reset === undefined ? used + (perDay * (at - last)) / DAY : (perDay * (at - reset)) / DAY;
    last = at;
    const whole = Math.min(monthly, Math.floor(used));
    const point = {
      at,
      remaining: monthly - whole,
      used: whole,
      monthly,
      topup: 0,
      compressionsUsed: Math.floor(whole / 2),
      compressionsLimit: 500,
    };
    history = appendPoint(history, point, at);
  }
  return history;
}
