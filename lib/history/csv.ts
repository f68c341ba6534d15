import type { HistoryPoint, UsageHistory } from './points';

/** The CSV's columns, in order; the README documents them. */
export const CSV_COLUMNS: readonly [string, keyof HistoryPoint][] = [
  ['time', 'at'],
  ['ai_credits_remaining', 'remaining'],
  ['ai_credits_used', 'used'],
  ['ai_credits_monthly', 'monthly'],
  ['ai_topup_credits', 'topup'],
  ['compressions_used', 'compressionsUsed'],
  ['compressions_limit', 'compressionsLimit'],
];

/** One row per reading, oldest first, times in ISO 8601 UTC; lines end with CRLF as RFC 4180 asks. */
export function historyToCsv(history: UsageHistory): string {
  const rows = history.points.map((point) =>
    CSV_COLUMNS.map(([, field]) => (field === 'at' ? new Date(point.at).toISOString() : String(point[field]))),
  );
  return [CSV_COLUMNS.map(([name]) => name), ...rows].map((row) => `${row.join(',')}\r\n`).join('');
}

/** A file name with the local date, e.g. `fluximage-usage-2026-11-27.csv`. */
export function csvFileName(now: number): string {
  const date = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `fluximage-usage-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.csv`;
}
