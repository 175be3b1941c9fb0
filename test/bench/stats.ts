import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Medians and percentiles: the machine is shared and noisy, so no single timings. */
export function summarize(samples: number[]): { median_ms: number; p95_ms: number; n: number } {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
  return { median_ms: round(at(0.5)), p95_ms: round(at(0.95)), n: s.length };
}
export const round = (x: number) => Math.round(x * 100) / 100;
export async function time(fn: () => Promise<unknown> | unknown): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/**
 * Whether the module at `url` is the script node was started with. `npm run bench` starts
 * scripts/bench.ts, whose name every `*.bench.ts` also ends with: comparing names only made the OCR
 * benches run twice (once on import, once for the report).
 */
export const startedAsScript = (url: string): boolean =>
  !!process.argv[1] && fileURLToPath(url) === path.resolve(process.argv[1]);
