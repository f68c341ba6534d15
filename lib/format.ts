const UNITS = [
  { size: 1e9, suffix: 'B' },
  { size: 1e6, suffix: 'M' },
  { size: 1e3, suffix: 'k' },
] as const;

/**
 * The badge has room for about four characters. Counts are floored at every
 * step so the badge never shows more credits than there are:
 * 999 → "999", 1999 → "1.9k", 1080 → "1k", 10500 → "10k", 2.5M → "2.5M".
 */
export function formatBadgeCount(value: number): string {
  const n = Math.max(0, Math.floor(value));
  for (const { size, suffix } of UNITS) {
    if (n < size) continue;
    const units = n / size;
    if (units >= 10) return `${Math.floor(units)}${suffix}`;
    const tenths = Math.floor(n / (size / 10)) / 10;
    return `${tenths.toFixed(1).replace(/\.0$/, '')}${suffix}`;
  }
  return String(n);
}

export function formatCount(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.floor(value));
}

export function formatClockTime(at: number, locale: string, withSeconds = false): string {
  const seconds = withSeconds ? ({ second: '2-digit' } as const) : {};
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', ...seconds }).format(at);
}

/** A calendar day without the year: "Dec 14", "14 dic". */
export function formatDay(at: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' }).format(at);
}

/** "just now", "3 min ago", "2 hours ago", "yesterday" in the UI language. */
export function formatAge(at: number, now: number, locale: string): string {
  const seconds = Math.round((at - now) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'long' });
  if (Math.abs(seconds) < 45) return format.format(0, 'second');
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 60) return format.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return format.format(hours, 'hour');
  return format.format(Math.round(hours / 24), 'day');
}
