import { resetEvidence, resetInfo } from '../foresight/next-reset';
import { DAY } from '../history/calendar';
import { toHistoryPoint, type HistoryPoint, type UsageHistory } from '../history/points';
import { isReset } from '../history/resets';
import type { UsageSnapshot } from '../account/usage';

/** A renewal expected this soon after a fall in the counters explains it: a learned day can be a few days late. */
const RESET_SLACK = 3 * DAY;

/** Counters that go on: used only rises, and top-up credits fall only once the monthly ones are gone. */
function countersGoOn(last: HistoryPoint, next: HistoryPoint): boolean {
  const topupGoesOn = next.topup >= last.topup || next.used >= next.monthly;
  return next.used >= last.used && next.compressionsUsed >= last.compressionsUsed && topupGoesOn;
}

/** The counters show a reset, and the history's own renewal day had one due by then. */
function resetExplains(history: UsageHistory, last: HistoryPoint, next: HistoryPoint): boolean {
  if (!isReset(last, next)) return false;
  const expected = resetInfo(null, resetEvidence(history, last.at), last.at);
  return expected !== null && expected.nextAt - RESET_SLACK <= next.at;
}

/**
 * Whether the first reading of a newly saved key continues this history (a rolled key
 * of the same account) or starts another account's. FluxImage names no account, so this
 * is a judgement: the same monthly allocation and compression limit, and counters that
 * go on from the last reading, or fell in a reset the history expected by then (from
 * the renewal day its own resets tell; counters that fell without one, as another
 * account's early in its period do, start a new history).
 */
export function continuesHistory(history: UsageHistory, snapshot: UsageSnapshot): boolean {
  const last = history.points.at(-1);
  if (!last) return true;
  const next = toHistoryPoint(snapshot);
  const sameAllowance = next.monthly === last.monthly && next.compressionsLimit === last.compressionsLimit;
  return sameAllowance && (countersGoOn(last, next) || resetExplains(history, last, next));
}
