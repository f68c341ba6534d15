// The few statistics `npm run bench` reports: quantiles, and how far a ratio of
// medians can be trusted on a noisy machine (a bootstrap over the paired runs).

/** The q-quantile of `xs`, interpolated between the two nearest ranks. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) throw new Error('no samples');
  const sorted = xs.toSorted((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

export const median = (xs: readonly number[]) => quantile(xs, 0.5);

export interface Summary {
  median: number;
  p95: number;
}

export const summarize = (xs: readonly number[]): Summary => ({ median: median(xs), p95: quantile(xs, 0.95) });

/** A small seeded generator, so two runs of the bench print the same range for the same samples. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface RatioEstimate {
  /** median(measured) ÷ median(floor) */
  median: number;
  /** 95% bootstrap range of that ratio */
  low: number;
  high: number;
  /** p95(measured) ÷ p95(floor) */
  p95: number;
}

/**
 * The ratio of medians with a 95% percentile-bootstrap range. Runs are resampled in
 * pairs (run i of the page with run i of its floor), because the two were measured
 * back to back and share whatever else the machine was doing at that moment.
 */
export function ratioOfMedians(measured: readonly number[], floor: readonly number[], resamples = 4000): RatioEstimate {
  if (measured.length !== floor.length) throw new Error('paired samples expected');
  const random = mulberry32(9);
  const n = measured.length;
  const ratios: number[] = [];
  const a: number[] = Array.from({ length: n });
  const b: number[] = Array.from({ length: n });
  for (let r = 0; r < resamples; r += 1) {
    for (let i = 0; i < n; i += 1) {
      const pick = Math.floor(random() * n);
      a[i] = measured[pick]!;
      b[i] = floor[pick]!;
    }
    ratios.push(median(a) / median(b));
  }
  return {
    median: median(measured) / median(floor),
    low: quantile(ratios, 0.025),
    high: quantile(ratios, 0.975),
    p95: quantile(measured, 0.95) / quantile(floor, 0.95),
  };
}
