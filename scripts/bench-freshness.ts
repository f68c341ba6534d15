// `npm run bench:freshness` (and the first part of `npm run bench`): how fresh the badge and the
// low-credit notifications are, and what that costs in requests, for every usage trace in
// tests/traces under each "Check every" policy. Simulated time, no browser, deterministic:
// two runs print the same figures. Prints the tables of docs/freshness.md and writes them into
// .output/bench.json under `freshness`.
//
// The poller's modules read the build-time API origin, which Vite defines in a build.
(globalThis as { __FLUXIMAGE_API_ORIGIN__?: string }).__FLUXIMAGE_API_ORIGIN__ = 'https://fluximage.app';
const { POLICIES, VARIANTS, measureAll, measureVariants } = await import('./bench/freshness');
const { outcomeTable, targetTable, targets } = await import('./bench/freshness-report');
const { writeBenchJson } = await import('./bench/output');

// One replay per minute of a fixed 15-minute schedule's phase: every alignment of the schedule with the traces.
const PHASES = Number(process.env.BENCH_FRESHNESS_PHASES ?? 15);

console.log(`Replaying each trace under each policy, ${PHASES} phases…`);
const results = await measureAll(PHASES);
console.log('Replaying each trace under the tuning variants of Automatic…');
const variants = await measureVariants(PHASES);
const verdicts = { auto: targets(results, 'auto'), 'auto-focus': targets(results, 'auto-focus') };

console.log(`\n${outcomeTable(results, POLICIES)}`);
console.log(`\nTargets, Automatic with the idle signal:\n\n${targetTable(verdicts.auto)}`);
console.log(`\nTargets, Automatic with window focus only:\n\n${targetTable(verdicts['auto-focus'])}`);
console.log(`\nTuning variants (Automatic, idle signal):\n\n${outcomeTable(variants, VARIANTS)}`);

writeBenchJson({
  freshness: {
    phases: PHASES,
    policies: Object.fromEntries(POLICIES.map(({ name, ...policy }) => [name, policy])),
    traces: results,
    targets: verdicts,
    variants: { rules: Object.fromEntries(VARIANTS.map(({ name, ...variant }) => [name, variant])), traces: variants },
  },
});
console.log('\nWritten to .output/bench.json (freshness)');
