// When the monthly reset is expected, from what the extension observed: the popup's
// words and the dates the forecast and the run-out warning measure against.
import { describe, expect, it } from 'vitest';
import { insightsView } from '@/lib/foresight/block';
import { insightsWords } from '@/lib/foresight/block-words';
import { en } from '../helpers';
import { observe, type Watch } from '../observed';

process.env.TZ = 'America/New_York';

const local = (year: number, month: number, day: number, hour = 0, minute = 0) =>
  new Date(year, month - 1, day, hour, minute).getTime();

/** What the popup says about the next reset, and the date it measures against. */
function expectation(watch: Watch, now: number, renewalDay: number | null = null) {
  const history = observe({ ...watch, to: Math.min(watch.to, now) });
  const stored = { view: insightsView({ history, remaining: 500, renewalDay, now }), computedAt: now };
  const words = insightsWords(stored, now, now, 'en-US', en);
  return { text: words.lines.reset.text, nextResetAt: words.nextResetAt };
}

describe('the renewal day, learned from every observed reset', () => {
  it.each([
    [
      'a plan renewing on the 31st, seen Jan 31 and Feb 28, renews Mar 31',
      [local(2026, 1, 31, 10), local(2026, 2, 28, 10)],
      local(2026, 3, 5),
      local(2026, 3, 31),
    ],
    [
      'and after Mar 31 and Apr 30, renews May 31',
      [local(2026, 1, 31, 10), local(2026, 2, 28, 10), local(2026, 3, 31, 10), local(2026, 4, 30, 10)],
      local(2026, 5, 3),
      local(2026, 5, 31),
    ],
    [
      'a plan renewing on the 30th, seen Jan 30 and Feb 28, renews Mar 30',
      [local(2026, 1, 30, 10), local(2026, 2, 28, 10)],
      local(2026, 3, 5),
      local(2026, 3, 30),
    ],
  ])('%s', (_, resetsAt, now, expected) => {
    const seen = expectation({ from: local(2026, 1, 10), to: now, resetsAt }, now);
    expect(new Date(seen.nextResetAt!).toDateString()).toBe(new Date(expected).toDateString());
  });

  it('is not moved by a reset first seen late because the browser was closed', () => {
    // The plan renews on the 13th; in November the browser was closed from the 11th to the 16th.
    const watch = {
      from: local(2026, 9, 20),
      to: local(2026, 11, 20),
      resetsAt: [local(2026, 10, 13, 10), local(2026, 11, 13, 10)],
      closed: [[local(2026, 11, 11, 18), local(2026, 11, 16, 9)]] as [number, number][],
    };
    expect(expectation(watch, local(2026, 11, 20)).text).toBe('Monthly credits reset in 23 days (Dec 13)');
  });

  it('takes the day a lone late-seen reset was first seen (the latest it can be)', () => {
    const watch = {
      from: local(2026, 10, 20),
      to: local(2026, 11, 20),
      resetsAt: [local(2026, 11, 13, 10)],
      closed: [[local(2026, 11, 11, 18), local(2026, 11, 16, 9)]] as [number, number][],
    };
    expect(expectation(watch, local(2026, 11, 20)).text).toBe('Monthly credits reset in 26 days (Dec 16)');
  });
});

describe('the reset’s time of day', () => {
  // Last month's reset came at 19:00 and was seen at 19:05, read every 15 minutes (18:50 before it).
  const november = { from: local(2026, 10, 20, 8, 5), to: local(2026, 12, 31), resetsAt: [local(2026, 11, 13, 19)] };

  it.each([
    ['the day before', local(2026, 12, 12, 15), 'Monthly credits reset tomorrow (Dec 13)'],
    ['at midnight on the renewal day', local(2026, 12, 13, 0, 5), 'Monthly credits reset today around 7 PM'],
    ['in the afternoon', local(2026, 12, 13, 16), 'Monthly credits reset today around 7 PM'],
    ['past the time, not shown yet', local(2026, 12, 13, 19, 30), 'Monthly credits reset any time now'],
    ['the next morning, still not shown', local(2026, 12, 14, 9), 'Monthly credits reset any time now'],
  ])('%s: %s', (_, now, text) => {
    expect(expectation(november, now).text).toBe(text);
  });

  it('is never taken as happened before the counters show it: never moved to next month', () => {
    // Expected from 18:50, the last reading before last month's; once that has passed, any time now.
    const expected = local(2026, 12, 13, 18, 50);
    for (const now of [local(2026, 12, 13, 0, 5), local(2026, 12, 13, 19, 30), local(2026, 12, 14, 9)]) {
      expect(expectation(november, now).nextResetAt).toBe(Math.max(expected, now));
    }
  });

  it('moves to next month once the counters show the reset', () => {
    const shown = { ...november, resetsAt: [...november.resetsAt, local(2026, 12, 13, 19, 40)] };
    expect(expectation(shown, local(2026, 12, 13, 20)).text).toBe('Monthly credits reset in 31 days (Jan 13, 2027)');
  });

  it('says only "today" when the readings around the reset were far apart', () => {
    // The browser closes at 20:00 and opens at 8:00: the reset at 3:00 is known only to be overnight.
    const overnight = {
      from: local(2026, 10, 20, 8),
      to: local(2026, 12, 31),
      resetsAt: [local(2026, 11, 13, 3)],
      closed: [[local(2026, 11, 12, 20), local(2026, 11, 13, 8)]] as [number, number][],
    };
    expect(expectation(overnight, local(2026, 12, 13, 1)).text).toBe('Monthly credits reset today (Dec 13)');
    expect(expectation(overnight, local(2026, 12, 13, 7, 50)).text).toBe('Monthly credits reset today (Dec 13)');
    // It was seen by 8:00 last month.
    expect(expectation(overnight, local(2026, 12, 13, 9)).text).toBe('Monthly credits reset any time now');
  });

  it.each(['Pacific/Kiritimati', 'America/St_Johns', 'Asia/Kathmandu', 'UTC'])(
    'reads the same on the local clock in %s',
    (zone) => {
      const before = process.env.TZ;
      process.env.TZ = zone;
      try {
        const watch = { from: local(2026, 10, 20, 8, 5), to: local(2026, 12, 31), resetsAt: [local(2026, 11, 13, 19)] };
        expect(expectation(watch, local(2026, 12, 13, 0, 5)).text).toBe('Monthly credits reset today around 7 PM');
      } finally {
        process.env.TZ = before;
      }
    },
  );
});

describe('a due reset that never shows', () => {
  const november = { from: local(2026, 10, 20, 8, 5), to: local(2026, 12, 31), resetsAt: [local(2026, 11, 13, 19)] };

  it('stays due for two days of readings, then the learned day is taken to be wrong', () => {
    expect(expectation(november, local(2026, 12, 15, 18)).text).toBe('Monthly credits reset any time now');
    expect(expectation(november, local(2026, 12, 15, 19)).text).toBe('Reset date not known yet');
  });

  it('moves a day the user set on to the next month', () => {
    expect(expectation(november, local(2026, 12, 15, 19), 13).text).toBe(
      'Monthly credits reset in 29 days (Jan 13, 2027)',
    );
  });

  it('stays due while the browser is closed: no reading says it did not come', () => {
    const closed = { ...november, closed: [[local(2026, 12, 13, 12), local(2027, 1, 1)]] as [number, number][] };
    expect(expectation(closed, local(2026, 12, 16, 12)).text).toBe('Monthly credits reset any time now');
  });

  it('takes a reset a day before a day the user set for that month’s, come early', () => {
    // The plan resets on the 13th in the evening; the user set the 14th (the day FluxImage shows in UTC).
    const evenings = {
      from: local(2026, 10, 20),
      to: local(2026, 12, 31),
      resetsAt: [local(2026, 11, 13, 21), local(2026, 12, 13, 21)],
    };
    expect(expectation(evenings, local(2026, 12, 13, 22), 14).text).toBe(
      'Monthly credits reset in 32 days (Jan 14, 2027)',
    );
    expect(expectation(evenings, local(2026, 12, 1), 14).text).toBe('Monthly credits reset in 13 days (Dec 14)');
  });

  it('keeps a day the user set well after the resets seen', () => {
    const tenth = {
      from: local(2026, 10, 20),
      to: local(2026, 12, 31),
      resetsAt: [local(2026, 11, 10, 9), local(2026, 12, 10, 9)],
    };
    expect(expectation(tenth, local(2026, 12, 12), 20).text).toBe('Monthly credits reset in 8 days (Dec 20)');
  });

  it('is not expected from readings that began after the renewal moment', () => {
    const late = { from: local(2026, 12, 14, 9), to: local(2026, 12, 31) };
    expect(expectation(late, local(2026, 12, 14, 10), 13).text).toBe('Monthly credits reset in 30 days (Jan 13, 2027)');
  });
});
