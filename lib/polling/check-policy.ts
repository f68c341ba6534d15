import { DAY } from '../history/calendar';
import type { HistoryPoint } from '../history/points';
import type { CheckEvery, InsightSettings } from '../foresight/settings';
import type { InsightAlertMemory } from '../foresight/alerts';
import { nextAttemptAfterSuccess } from './schedule';
import type { PollStatus } from './status';
import { wholeCredits } from '../account/usage';

const MINUTE = 60_000;

/** What the browser says of the person (`browser.idle`): only someone `active` sees the badge. */
export type Presence = 'active' | 'idle' | 'locked';

/**
 * The Automatic rules in one table, as the freshness benchmark tuned them (docs/freshness.md
 * has the figures behind each number).
 */
export const AUTO_RULES = {
  /** While counters move, or credits are close to an alert. */
  fastest: 5 * MINUTE,
  /** The former default, kept while an account that moved this week is quiet and someone may look. */
  steady: 15 * MINUTE,
  /** An account quiet all week, or nobody at the screen. */
  slowest: 60 * MINUTE,
  /** No two automatic checks of one account come closer than this. */
  minGap: MINUTE,
  /** Credits at or under this many times the threshold are "close to it". */
  nearFactor: 2,
  /** A forecast run-out this near counts as close to an alert. */
  runOutWithin: 2 * DAY,
  /**
   * An account that moved this recently will move again while someone works: stretching past
   * `steady` while they might look left the badge staler than checking every 15 minutes did.
   */
  recentlyActive: 7 * DAY,
  /** While credits fall, time a check to just after they reach the threshold (or zero) at that pace. */
  predictCrossings: true,
  /** A check timed to a predicted crossing comes this much after it, so it finds it crossed. */
  crossingMargin: 30_000,
  /** Each wait moves by up to this share either way, so installs do not ask in step. */
  jitter: 0.05,
  /**
   * Checks in the last 24 hours after which Automatic waits its slowest, whatever happens: with
   * the hourly checks that can follow, no day holds more than 150 (an account that moves all day
   * and night would otherwise be asked every 5 minutes, 288 times).
   */
  dailyBudget: 120,
};
export type AutoRules = typeof AUTO_RULES;

/**
 * While an unusual-spending episode is under way (and its alarm is on), the account's next
 * check comes at most this long after the last, whatever the interval or Automatic says, so
 * the episode is seen as it unfolds and its end is noticed; a `Retry-After` is still waited
 * out, and so is Automatic's daily budget once spent.
 */
export const SPENDING_WATCH = 5 * MINUTE;

/** Whether the account is being watched for an unusual-spending episode under way. */
export const watchesSpending = (memory: InsightAlertMemory, settings: InsightSettings): boolean =>
  memory.unusualSpending !== null && settings.notify.unusualSpending;

/** Why a check was planned when it was: one word per rule, for tests and for saying so. */
export type CheckReason =
  | 'unusual-spending'
  | 'chosen-interval'
  | 'retry-after'
  | 'away'
  | 'daily-budget'
  | 'crossing-soon'
  | 'moving'
  | 'near-threshold'
  | 'running-out'
  | 'recently-active'
  | 'quiet';

export interface CheckPolicyInput {
  now: number;
  choice: CheckEvery;
  /** The account's readings, oldest first, this check's included. */
  points: readonly HistoryPoint[];
  remaining: number;
  /** The effective low-credit threshold. */
  threshold: number;
  /** When the forecast has the credits run out at the recent pace; `null` without a pace. */
  runOutAt: number | null;
  /** `undefined` when the browser does not say: then someone may be looking. */
  presence?: Presence | undefined;
  /** A time FluxImage asked not to be asked before (a `Retry-After` still running). */
  notBefore?: number | undefined;
  /** In [0, 1], for the jitter. */
  random: number;
  /** An unusual-spending episode is under way: check again within `SPENDING_WATCH`. */
  watchSpending?: boolean;
}

export interface PlannedCheck {
  at: number;
  reason: CheckReason;
}

interface Wait {
  ms: number;
  reason: CheckReason;
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** Good checks in the 24 hours up to `now` (every one is a reading: the history keeps them all for 48 hours). */
export const checksInLastDay = (points: readonly HistoryPoint[], now: number): number =>
  points.filter((point) => point.at > now - DAY && point.at <= now).length;

/** Whether anything the badge or an alert reads changed between two readings. */
function differs(a: HistoryPoint, b: HistoryPoint): boolean {
  return (
    a.remaining !== b.remaining ||
    a.used !== b.used ||
    a.topup !== b.topup ||
    a.monthly !== b.monthly ||
    a.compressionsUsed !== b.compressionsUsed ||
    a.compressionsLimit !== b.compressionsLimit
  );
}

/** When a reading first showed the latest change; `null` if none did. */
function lastChangeAt(points: readonly HistoryPoint[]): number | null {
  for (let index = points.length - 1; index > 0; index -= 1) {
    if (differs(points[index - 1]!, points[index]!)) return points[index]!.at;
  }
  return null;
}

/**
 * When the falling credits reach the next alert (the threshold, then zero) at the pace between
 * the last two readings; `null` when they are not falling or nothing is left to warn about.
 */
function predictedCrossing(previous: HistoryPoint, last: HistoryPoint, remaining: number, threshold: number) {
  const fall = previous.remaining - last.remaining;
  const elapsed = last.at - previous.at;
  const left = wholeCredits(remaining);
  if (fall <= 0 || elapsed <= 0 || left <= 0) return null;
  const toGo = left > threshold ? left - threshold : left;
  return last.at + (toGo / fall) * elapsed;
}

function closeToAlert(input: CheckPolicyInput, rules: AutoRules): CheckReason | null {
  const left = wholeCredits(input.remaining);
  if (left <= 0) return null;
  if (left <= rules.nearFactor * input.threshold) return 'near-threshold';
  if (input.runOutAt !== null && input.runOutAt - input.now <= rules.runOutWithin) return 'running-out';
  return null;
}

/** The wait Automatic picks, before jitter, with the rule that picked it. */
function automaticWait(input: CheckPolicyInput, rules: AutoRules): Wait {
  if (input.presence === 'idle' || input.presence === 'locked') return { ms: rules.slowest, reason: 'away' };
  // Readings dated after now belong to a clock that was turned back; the current one is trusted.
  const points = input.points.filter((point) => point.at <= input.now);
  if (checksInLastDay(points, input.now) >= rules.dailyBudget) return { ms: rules.slowest, reason: 'daily-budget' };
  const [previous, last] = points.slice(-2);
  if (previous && last && (last.remaining < previous.remaining || last.compressionsUsed > previous.compressionsUsed)) {
    const crossing = predictedCrossing(previous, last, input.remaining, input.threshold);
    if (rules.predictCrossings && crossing !== null && crossing - input.now < rules.fastest) {
      return { ms: crossing - input.now + rules.crossingMargin, reason: 'crossing-soon' };
    }
    return { ms: rules.fastest, reason: 'moving' };
  }
  const changedAt = lastChangeAt(points);
  const quiet = Math.max(0, input.now - (changedAt ?? points[0]?.at ?? input.now));
  const close = closeToAlert(input, rules);
  if (close) return { ms: clamp(quiet, rules.fastest, rules.steady), reason: close };
  if (changedAt !== null && quiet < rules.recentlyActive) return { ms: rules.steady, reason: 'recently-active' };
  // Waiting no longer than it has been quiet doubles the wait at each check: 15, 30, 60 minutes.
  return { ms: clamp(quiet, rules.steady, rules.slowest), reason: 'quiet' };
}

/**
 * When to check one account next after a good answer. A fixed choice keeps its exact
 * interval; Automatic follows what is happening (see `AUTO_RULES`). Never before a time
 * FluxImage asked to wait for. Failures do not come here: `nextAttemptAfterFailure` decides.
 */
export function nextCheckAt(input: CheckPolicyInput, rules: AutoRules = AUTO_RULES): PlannedCheck {
  let planned: PlannedCheck;
  if (input.choice === 'auto') {
    const wait = automaticWait(input, rules);
    const jittered = wait.ms * (1 + rules.jitter * (2 * clamp(input.random, 0, 1) - 1));
    planned = { at: input.now + Math.round(clamp(jittered, rules.minGap, rules.slowest)), reason: wait.reason };
  } else {
    planned = { at: nextAttemptAfterSuccess(input.now, input.choice), reason: 'chosen-interval' };
  }
  // Automatic's daily budget still holds, so no day has more than 150 checks of one account.
  if (input.watchSpending && planned.reason !== 'daily-budget' && planned.at > input.now + SPENDING_WATCH) {
    planned = { at: input.now + SPENDING_WATCH, reason: 'unusual-spending' };
  }
  const { notBefore } = input;
  return notBefore !== undefined && notBefore > planned.at ? { at: notBefore, reason: 'retry-after' } : planned;
}

/** How old the badge may be once the person is back: older, a return checks at once. */
export const RETURN_CHECK_AFTER = 5 * MINUTE;

/**
 * The person came back (the screen woke, a browser window gained focus): with Automatic, when
 * to check. A badge older than `RETURN_CHECK_AFTER` is checked now; a younger one when it reaches
 * that age, if that is sooner than the plan made while nobody looked. `null` keeps the plan: a
 * fixed choice keeps its rhythm, after a failure its retry rule (back-off, `Retry-After`) stands, and
 * once `checksToday` (`checksInLastDay`) reaches the daily budget the hourly plan does.
 */
export function checkOnReturnAt(
  choice: CheckEvery,
  status: PollStatus | null,
  now: number,
  checksToday: number,
): number | null {
  if (choice !== 'auto' || status === null || status.kind !== 'ok') return null;
  if (checksToday >= AUTO_RULES.dailyBudget) return null;
  // A last check dated ahead of now means the clock was turned back: its age is unknown.
  if (status.checkedAt > now) return now;
  const at = Math.max(now, status.checkedAt + RETURN_CHECK_AFTER);
  return at < status.nextAt ? at : null;
}

/** The alarm's repeat, a safety net should the worker die before it plans the next check. */
export function repeatMinutes(choice: CheckEvery): number {
  return choice === 'auto' ? AUTO_RULES.slowest / MINUTE : choice;
}

/**
 * The next check once the user picks an interval, counted from the last check. Automatic keeps
 * what was planned, but no later than its steady wait: picking it never makes the badge wait longer.
 */
export function nextCheckForChoice(
  status: { checkedAt: number; nextAt: number },
  choice: CheckEvery,
  watchSpending = false,
): number {
  const next =
    choice === 'auto'
      ? Math.min(status.nextAt, status.checkedAt + AUTO_RULES.steady)
      : nextAttemptAfterSuccess(status.checkedAt, choice);
  // An unusual-spending episode under way keeps its closer watch whatever is picked.
  return watchSpending ? Math.min(next, status.checkedAt + SPENDING_WATCH) : next;
}
