// The freshness benchmark's verdicts and tables: each target of the issue, met or missed with
// the figures behind it, and one row per trace and policy.
import type { Outcome, Policy, Results } from './freshness';
import { table } from './output';
import type { Summary } from './stats';

export interface Target {
  target: string;
  measured: string;
  met: boolean;
}

const one = (value: number) => value.toFixed(1);
const pair = (s: Summary | null) => (s ? `${one(s.median)} / ${one(s.p95)}` : '—');
const everyTrace = (results: Results, policy: string) => Object.values(results).map((byPolicy) => byPolicy[policy]!);

/** The issue's targets for one Automatic policy, against fixed 15 minutes in the same run. */
export function targets(results: Results, policy: string): Target[] {
  const auto = (trace: string) => results[trace]![policy]!;
  const fixed = (trace: string) => results[trace]!['every-15']!;
  const idle = auto('idle');
  const bursty = auto('bursty').notifiedAfter;
  const steady = auto('steady').staleWhileActive;
  const steadyFixed = fixed('steady').staleWhileActive;
  const all = everyTrace(results, policy);
  const most = Math.max(...all.map((o) => o.mostRequestsInADay));
  const gap = Math.min(...all.map((o) => o.minSecondsBetweenRequests));
  const inFlight = Math.max(...all.map((o) => o.maxInFlight));
  return [
    {
      target: 'idle trace: ≤ 30 requests a day (fixed 15: 96)',
      measured: `${one(idle.requestsPerDay)} a day on average, ${idle.mostRequestsInADay} on its busiest day`,
      met: idle.mostRequestsInADay <= 30,
    },
    {
      target: 'bursty trace: crossings notified after a median ≤ 3 min',
      measured: `${pair(bursty)} min (median / p95; fixed 15: ${pair(fixed('bursty').notifiedAfter)})`,
      met: bursty !== null && bursty.median <= 3,
    },
    {
      target: 'bursty trace: … and a p95 ≤ 6 min',
      measured: `p95 ${bursty ? one(bursty.p95) : '—'} min; as the person sees them, ${pair(auto('bursty').seenLate)} min later than a push`,
      met: bursty !== null && bursty.p95 <= 6,
    },
    {
      target: 'steady trace: badge no staler while active than fixed 15',
      measured: `${pair(steady)} min (median / p95) against ${pair(steadyFixed)}`,
      met: steady.median <= steadyFixed.median && steady.p95 <= steadyFixed.p95,
    },
    { target: 'no trace above 150 requests a day', measured: `busiest day of any trace: ${most}`, met: most <= 150 },
    {
      target: 'never two in flight; never two within 60 s',
      measured: `at most ${inFlight} in flight; closest two ${one(gap)} s apart`,
      met: inFlight <= 1 && gap >= 60,
    },
  ];
}

export const targetTable = (rows: Target[]) =>
  table(
    ['target', 'measured', 'met'],
    rows.map((row) => [row.target, row.measured, row.met ? 'met' : 'missed']),
  );

function outcomeRow(trace: string, label: string, o: Outcome): string[] {
  const crossings = o.crossings === 0 ? '—' : `${o.crossings}${o.missed > 0 ? ` (${o.missed} never told)` : ''}`;
  return [
    trace,
    label,
    `${one(o.requestsPerDay)} (${o.mostRequestsInADay})`,
    crossings,
    pair(o.notifiedAfter),
    pair(o.seenLate),
    `${pair(o.staleWhileActive)} (${(o.staleWhileActive.share * 100).toFixed(1)}%)`,
  ];
}

export function outcomeTable(results: Results, policies: Pick<Policy, 'name' | 'label'>[]): string {
  return table(
    [
      'trace',
      'policy',
      'requests a day (busiest day)',
      'crossings',
      'notified after, min (median / p95)',
      'seen later than a push, min',
      'badge stale while active, min (share of minutes)',
    ],
    Object.entries(results).flatMap(([trace, byPolicy]) =>
      policies.map((policy) => outcomeRow(trace, policy.label, byPolicy[policy.name]!)),
    ),
  );
}
