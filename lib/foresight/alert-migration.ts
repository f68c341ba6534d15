import { DAY } from '../history/calendar';

/** Half the shortest month: between the reset a warning named and the reset before it. */
const HALF_A_MONTH = 14 * DAY;

/**
 * Version 1 → 2 of `insightAlertMemory`: version 1 remembered the expected reset the
 * run-out warning named (`period`); version 2 remembers when it fired, and waits for
 * a reset seen after that. The warning came in the month before the reset it named,
 * so it is taken as given two weeks before it: the reset it named (even come a few
 * days early) starts a new period, the one before it does not.
 */
export function alertMemoryFromVersion1(old: unknown): unknown {
  if (typeof old !== 'object' || old === null) return old;
  const { runOut, ...rest } = old as { runOut?: { period?: unknown } };
  const period = runOut?.period;
  return { ...rest, runOut: { warnedAt: typeof period === 'number' ? period - HALF_A_MONTH : null } };
}

/** Version 2 → 3: no unusual-spending episode was under way before the alarm existed. */
export function alertMemoryFromVersion2(old: unknown): unknown {
  if (typeof old !== 'object' || old === null) return old;
  return { ...old, unusualSpending: null };
}
