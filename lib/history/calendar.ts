export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** A local calendar day as a number, e.g. 20261127: days follow the user's clock, not UTC. */
export function localDay(at: number): number {
  const date = new Date(at);
  return date.getFullYear() * 10_000 + (date.getMonth() + 1) * 100 + date.getDate();
}

/** Whole calendar days from `from`'s local date to `to`'s (daylight-saving changes do not count). */
export function calendarDaysBetween(from: number, to: number): number {
  const utcDate = (at: number) => {
    const date = new Date(at);
    return Date.UTC(date.getFullYear(), date.getMonth(), date.getDate());
  };
  return Math.round((utcDate(to) - utcDate(from)) / DAY);
}

/** `minutes` after local midnight on `at`'s local date, on the wall clock (a daylight-saving change moves it with the clock). */
export function atLocalMinutes(at: number, minutes: number): number {
  const date = new Date(at);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate(), 0, minutes).getTime();
}

/** Minutes after local midnight, on the wall clock. */
export function localMinutes(at: number): number {
  const date = new Date(at);
  return date.getHours() * 60 + date.getMinutes() + date.getSeconds() / 60;
}
