import type { HistoryPoint } from '@/lib/history/points';

/** A reading of a Pro account (1,000 monthly credits): what it had used and the top-up credits it held. */
export const reading = (at: number, used: number, topup = 0, monthly = 1000): HistoryPoint => ({
  at,
  used,
  topup,
  monthly,
  remaining: Math.max(0, monthly - used) + topup,
  compressionsUsed: 0,
  compressionsLimit: 0,
});

/** Runs `body` with the process's local time zone set to `zone`. */
export function inZone<T>(zone: string, body: () => T): T {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    return body();
  } finally {
    process.env.TZ = before;
  }
}
