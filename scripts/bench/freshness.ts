// The freshness benchmark: every trace in tests/traces replayed through the real poller for
// each policy, at several phases (the first check 0, 1, 2 … minutes into the week: where a
// schedule falls against the account's activity is chance), and summarised per trace and policy.
import { DAY } from '../../lib/history/calendar';
import { AUTO_RULES, type AutoRules } from '../../lib/polling/check-policy';
import type { CheckEvery } from '../../lib/foresight/settings';
import { notificationsFor, requestCounts, staleWhileActive } from '../../tests/support/freshness';
import { replay, type PresenceSignal } from '../../tests/support/replay';
import { loadTrace, traceNames } from '../../tests/support/trace';
import { summarize, type Summary } from './stats';

const MINUTE = 60_000;

export interface Policy {
  name: string;
  label: string;
  choice: CheckEvery;
  signal: PresenceSignal;
}

export const POLICIES: Policy[] = [
  { name: 'every-15', label: 'every 15 minutes', choice: 15, signal: 'idle' },
  { name: 'auto', label: 'Automatic (idle + focus)', choice: 'auto', signal: 'idle' },
  { name: 'auto-focus', label: 'Automatic (focus only)', choice: 'auto', signal: 'focus' },
];

export interface Outcome {
  requestsPerDay: number;
  mostRequestsInADay: number;
  minSecondsBetweenRequests: number;
  maxInFlight: number;
  /** Crossings over all phases, and how many no notification told of. */
  crossings: number;
  missed: number;
  /** Minutes from a crossing to its notification, and how much later than a push the person could see it. */
  notifiedAfter: Summary | null;
  seenLate: Summary | null;
  /** Minutes the badge was stale, sampled at every minute the person was active. */
  staleWhileActive: Summary & { share: number };
}

const minutes = (ms: number[]) => (ms.length > 0 ? summarize(ms.map((value) => value / MINUTE)) : null);

export async function measure(traceName: string, policy: Policy, phases: number): Promise<Outcome> {
  const trace = loadTrace(traceName);
  const requests = [];
  const notified = [];
  const stale: number[] = [];
  for (let phase = 0; phase < phases; phase += 1) {
    const run = await replay(trace, {
      choice: policy.choice,
      signal: policy.signal,
      phaseMs: phase * MINUTE,
      seed: phase + 1,
    });
    requests.push(requestCounts(trace, run));
    notified.push(...notificationsFor(trace, run));
    stale.push(...staleWhileActive(trace, run));
  }
  const seen = notified.filter((n) => n.at !== null);
  return {
    requestsPerDay: requests.reduce((sum, r) => sum + r.perDay, 0) / requests.length,
    mostRequestsInADay: Math.max(...requests.map((r) => r.mostInADay)),
    minSecondsBetweenRequests: Math.min(...requests.map((r) => r.minGapMs)) / 1000,
    maxInFlight: Math.max(...requests.map((r) => r.maxInFlight)),
    crossings: notified.length,
    missed: notified.length - seen.length,
    notifiedAfter: minutes(seen.map((n) => n.at! - n.crossing.at)),
    seenLate: minutes(seen.map((n) => n.seenLateMs!)),
    staleWhileActive: {
      ...summarize(stale.map((value) => value / MINUTE)),
      share: stale.filter((value) => value > 0).length / stale.length,
    },
  };
}

/** Outcomes by trace, then by policy (or variant) name. */
export type Results = Record<string, Record<string, Outcome>>;

export async function measureAll(phases: number, policies = POLICIES): Promise<Results> {
  const results: Results = {};
  for (const name of traceNames()) {
    const byPolicy: Record<string, Outcome> = {};
    for (const policy of policies) byPolicy[policy.name] = await measure(name, policy, phases);
    results[name] = byPolicy;
  }
  return results;
}

export interface Variant {
  name: string;
  label: string;
  rules: Partial<AutoRules>;
}

/** Automatic with one rule changed: what the tuning compared (docs/freshness.md, "How the rules were tuned"). */
export const VARIANTS: Variant[] = [
  {
    name: 'stretch-while-active',
    label: 'stretch after quiet hours even while someone may look (the issue’s starting rule)',
    rules: { recentlyActive: 0 },
  },
  {
    name: 'no-crossing-prediction',
    label: 'no check timed to a predicted crossing',
    rules: { predictCrossings: false },
  },
  {
    name: 'active-memory-1-day',
    label: '“moved recently” means within a day, not a week',
    rules: { recentlyActive: DAY },
  },
];

/**
 * Automatic (with the idle signal) under each variant. The shipped poller reads AUTO_RULES, so the
 * variant is written into that table for the run and the table restored afterwards: only this
 * process ever sees it changed.
 */
export async function measureVariants(phases: number, variants = VARIANTS): Promise<Results> {
  const shipped = { ...AUTO_RULES };
  const auto = POLICIES.find((policy) => policy.name === 'auto')!;
  const results: Results = {};
  try {
    for (const variant of variants) {
      Object.assign(AUTO_RULES, shipped, variant.rules);
      const measured = await measureAll(phases, [{ ...auto, name: variant.name, label: variant.label }]);
      for (const [trace, outcome] of Object.entries(measured)) results[trace] = { ...results[trace], ...outcome };
    }
  } finally {
    Object.assign(AUTO_RULES, shipped);
  }
  return results;
}
