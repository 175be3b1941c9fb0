// Child process of import.bench.ts: the peak resident memory of parsing and validating one CSV,
// measured by the kernel (VmHWM after resetting it), so nothing between two samples is missed.
//
// argv: FILE [fresh|grown]
// - fresh: the measure starts right after loading the code. V8's young generation is then still
//   small, and the first allocation-heavy work of the process (whatever it is) grows it to its
//   working size, 16 MB per semi-space: about 21 MB of RSS that does not depend on the file.
// - grown (default): before the measure, work unrelated to the file (short-lived objects, none kept)
//   grows the young generation to that working size, as any running app has it. The measure then
//   charges the parse with what the parse itself holds. The young generation's size at the start
//   and at the peak are reported, so a run where it still grew during the measure shows it.
import fs from 'node:fs';
import v8 from 'node:v8';
import { casesFromCsv, type CsvReport } from '../../electron/core/cases/csv.js';

const kb = (field: string) =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync('/proc/self/status', 'utf8'))![1]) * 1024;
const youngGeneration = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0;
const rss = () => kb('VmRSS');

/**
 * Allocate short-lived objects, a few surviving a while, until V8 stops growing its young generation;
 * each round allocates more than the young generation holds, so both of its halves are in use.
 */
function growYoungGeneration(): { bytes: number; rss_growth: number } {
  const rss0 = rss();
  let alive: object[] = [];
  let size = youngGeneration();
  for (let round = 0, steady = 0; round < 50 && steady < 3; round++) {
    for (let i = 0; i < 1_000_000; i++) {
      alive.push({ i, text: `row ${i}` });
      if (alive.length > 20_000) alive = [];
    }
    const now = youngGeneration();
    steady = now === size ? steady + 1 : 0;
    size = now;
  }
  alive = [];
  return { bytes: size, rss_growth: rss() - rss0 };
}

const file = process.argv[2]!;
const mode = process.argv[3] === 'fresh' ? 'fresh' : 'grown';
const text = fs.readFileSync(file, 'utf8');
// libphonenumber's metadata, the JIT and the phone-number caches are paid once per process, not per byte
const warmUp = 'entity_name,numbers\n"Warm, Inc",(312) 555-0100; 312-555-0101\n';
for await (const _ of casesFromCsv(warmUp, { rejected: [], warnings: [] })) void _;
const grown = mode === 'grown' ? growYoungGeneration() : null;
(globalThis as { gc?: () => void }).gc?.();
const youngAtStart = youngGeneration();
fs.writeFileSync('/proc/self/clear_refs', '5'); // reset the high-water mark to the current RSS
const base = rss();
const report: CsvReport = { rejected: [], warnings: [] };
let cases = 0;
let refused: string | null = null;
try {
  for await (const slice of casesFromCsv(text, report)) cases += slice.length;
} catch (err) {
  refused = (err as Error).message;
}
const peak = kb('VmHWM');
process.stdout.write(
  JSON.stringify({
    mode,
    file_bytes: fs.statSync(file).size,
    base_rss: base,
    peak_rss: peak,
    young_generation_at_start: youngAtStart,
    young_generation_at_end: youngGeneration(),
    young_generation_growth_rss: grown?.rss_growth ?? null,
    cases,
    rejected: report.rejected.length,
    refused,
  }),
);
