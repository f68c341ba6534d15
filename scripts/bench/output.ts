// What both parts of `npm run bench` share: the Markdown tables they print, and
// .output/bench.json, which each part updates with its own keys.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

// Not tests/support/extension's ROOT: that module loads Playwright, and this part needs no browser.
export const BENCH_JSON = resolve(import.meta.dirname, '../../.output/bench.json');

export function table(header: string[], rows: string[][]): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** Writes `values` into .output/bench.json, keeping what the other part of the bench wrote there. */
export function writeBenchJson(values: Record<string, unknown>): void {
  let earlier: Record<string, unknown> = {};
  try {
    if (existsSync(BENCH_JSON)) earlier = JSON.parse(readFileSync(BENCH_JSON, 'utf8'));
  } catch {
    // A damaged file from an interrupted run: start afresh.
  }
  mkdirSync(dirname(BENCH_JSON), { recursive: true });
  writeFileSync(BENCH_JSON, `${JSON.stringify({ ...earlier, ...values }, null, 2)}\n`);
}
