// One suffix per three digits, short scale. The largest count the API may send
// (Number.MAX_SAFE_INTEGER, about 9.007 quadrillion) shows as "9Q".
const SUFFIXES = ['', 'k', 'M', 'B', 'T', 'Q'] as const;

/**
 * The badge has room for four characters, and every accepted count fits them.
 * The count is cut, never rounded, so the badge never shows more credits than
 * there are: 999 → "999", 1999 → "1.9k", 1080 → "1k", 10500 → "10k", 2.5M → "2.5M",
 * 1e12 → "1T", 1e15 → "1Q". Cutting the decimal digits rather than dividing keeps
 * that exact up to the largest safe integer, where division would round up.
 */
export function formatBadgeCount(value: number): string {
  const n = Number.isNaN(value) ? 0 : Math.min(Math.max(0, Math.floor(value)), Number.MAX_SAFE_INTEGER);
  const digits = String(n);
  const step = Math.floor((digits.length - 1) / 3);
  if (step === 0) return digits;
  const whole = digits.slice(0, digits.length - 3 * step);
  const tenths = digits.charAt(whole.length);
  return `${whole}${whole.length === 1 && tenths !== '0' ? `.${tenths}` : ''}${SUFFIXES[step]}`;
}

/** A whole count in the UI language; `-0` (which Firefox keeps in storage) reads as 0. */
export function formatCount(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(Math.floor(value) + 0);
}

export function formatClockTime(at: number, locale: string, withSeconds = false): string {
  const seconds = withSeconds ? ({ second: '2-digit' } as const) : {};
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', ...seconds }).format(at);
}

/** A calendar day without the year: "Dec 14", "14 dic". */
export function formatDay(at: number, locale: string): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric' }).format(at);
}

/**
 * "just now", "3 min ago", "2 hours ago", "yesterday" in the UI language. A time ahead of
 * the clock (stored before it was set back) reads as now, never as "in 3 hours".
 */
export function formatAge(at: number, now: number, locale: string): string {
  const seconds = Math.round((Math.min(at, now) - now) / 1000);
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto', style: 'long' });
  if (Math.abs(seconds) < 45) return format.format(0, 'second');
  const minutes = Math.round(seconds / 60);
  if (Math.abs(minutes) < 60) return format.format(minutes, 'minute');
  const hours = Math.round(minutes / 60);
  if (Math.abs(hours) < 24) return format.format(hours, 'hour');
  return format.format(Math.round(hours / 24), 'day');
}

/** "Dec 14", with the year when it is not this year's: "Dec 14, 2025". */
export function formatDate(at: number, now: number, locale: string): string {
  const sameYear = new Date(at).getFullYear() === new Date(now).getFullYear();
  return new Intl.DateTimeFormat(locale, {
    month: 'short',
    day: 'numeric',
    year: sameYear ? undefined : 'numeric',
  }).format(at);
}
