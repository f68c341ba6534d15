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

/**
 * The account's name as a file-name part: letters and digits of any script kept, accents
 * dropped, everything else a single dash, at most 40 characters ("Client Á/B" → "client-a-b").
 */
export function fileNamePart(name: string): string {
  return Array.from(
    name
      .normalize('NFKD')
      // Latin accents only: other scripts' marks (a kana's voicing) are part of the letter.
      .replace(/[\u0300-\u036f]/g, '')
      .normalize('NFC')
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-+|-+$/g, ''),
  )
    .slice(0, 40)
    .join('')
    .replace(/-+$/, '');
}

/** A file name with the account's name and the local date, e.g. `fluximage-usage-client-a-2026-11-27.csv`. */
export function csvFileName(now: number, accountName = ''): string {
  const date = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  const part = fileNamePart(accountName);
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
  return `fluximage-usage-${part ? `${part}-` : ''}${day}.csv`;
}
