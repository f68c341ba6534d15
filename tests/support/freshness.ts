// What a replay (tests/support/replay.ts) means for the person: how many requests it made,
// how long each low-credit crossing waited for its notification, and how stale the badge
// was while they were at the screen. Pure functions of the trace and the replay.
import { DAY } from '../../lib/history/calendar';
import { remainingAt, trueCrossings, type Crossing, type Trace } from './trace';
import type { Replay } from './replay';

const MINUTE = 60_000;
const SEVERITY = { low: 1, empty: 2 } as const;

export interface Requests {
  perDay: number;
  /** The most in any of the trace's days (midnight to midnight from its start). */
  mostInADay: number;
  /** The shortest time between two requests. */
  minGapMs: number;
  maxInFlight: number;
}

export function requestCounts(trace: Trace, replay: Replay): Requests {
  const days = Math.round((trace.end - trace.start) / DAY);
  const byDay = Array.from({ length: days }, () => 0);
  for (const at of replay.requests) byDay[Math.min(days - 1, Math.floor((at - trace.start) / DAY))]! += 1;
  const gaps = replay.requests.slice(1).map((at, index) => at - replay.requests[index]!);
  return {
    perDay: replay.requests.length / ((trace.end - replay.from) / DAY),
    mostInADay: Math.max(...byDay),
    minGapMs: gaps.length > 0 ? Math.min(...gaps) : Number.POSITIVE_INFINITY,
    maxInFlight: replay.maxInFlight,
  };
}

export interface Notified {
  crossing: Crossing;
  /** When a notification said so; `null` if none did (the credits came back before a check saw them low). */
  at: number | null;
  /** How much later than a push the person could first see it: both counted from when they are next at the screen. */
  seenLateMs: number | null;
}

/**
 * Each true crossing (trueCrossings) paired with the first notification at or after it that is at
 * least as severe ("none left" also tells of "low"), before the same crossing happens again.
 */
export function notificationsFor(trace: Trace, replay: Replay): Notified[] {
  const crossings = trueCrossings(trace).filter((crossing) => crossing.at >= replay.from);
  return crossings.map((crossing, index) => {
    const again = crossings.slice(index + 1).find((later) => later.level === crossing.level)?.at;
    const alert = replay.alerts.find(
      (shown) =>
        shown.at >= crossing.at &&
        (again === undefined || shown.at < again) &&
        SEVERITY[shown.level] >= SEVERITY[crossing.level],
    );
    if (!alert) return { crossing, at: null, seenLateMs: null };
    return { crossing, at: alert.at, seenLateMs: trace.nextActiveAt(alert.at) - trace.nextActiveAt(crossing.at) };
  });
}

/**
 * How stale the badge is at each whole minute the person is active: 0 while it shows the true
 * remaining credits; otherwise the time since the true number first moved away from the one shown
 * (so a badge that is wrong for ten minutes has been stale for ten minutes, however old its reading).
 */
export function staleWhileActive(trace: Trace, replay: Replay): number[] {
  const changes = trace.creditChanges;
  const samples: number[] = [];
  let reading = -1;
  let change = 0;
  let agreedAt = Number.NEGATIVE_INFINITY;
  const firstMinute = Math.ceil(replay.from / MINUTE) * MINUTE;
  for (let at = firstMinute; at < trace.end; at += MINUTE) {
    while (reading + 1 < replay.readings.length && replay.readings[reading + 1]!.at <= at) {
      reading += 1;
      agreedAt = replay.readings[reading]!.at;
    }
    if (reading < 0) continue;
    const agrees = remainingAt(trace, at) === replay.readings[reading]!.remaining;
    if (agrees) agreedAt = at;
    if (trace.presenceAt(at) !== 'active') continue;
    // The true number moved away from the one shown at the first change after they last agreed.
    while (!agrees && change < changes.length && changes[change]! <= agreedAt) change += 1;
    samples.push(agrees ? 0 : at - (changes[change] ?? at));
  }
  return samples;
}
