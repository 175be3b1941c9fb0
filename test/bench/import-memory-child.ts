// Child process of import.bench.ts: the peak resident memory of parsing and validating one CSV,
// measured by the kernel (VmHWM after resetting it), so nothing between two samples is missed.
import fs from 'node:fs';
import { casesFromCsv, type CsvReport } from '../../electron/core/cases/csv.js';

const kb = (field: string) =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync('/proc/self/status', 'utf8'))![1]) * 1024;

const file = process.argv[2]!;
const text = fs.readFileSync(file, 'utf8');
// warm up: libphonenumber's metadata, the JIT and the phone-number caches are paid once per
// process, not per byte. With "warm", the warm-up reads the whole file once first, as a running app
// has already worked: V8's young generation is then at its working size before the measure starts.
const warmUp = process.argv[3] === 'warm' ? text : 'entity_name,numbers\n"Warm, Inc",(312) 555-0100; 312-555-0101\n';
for await (const _ of casesFromCsv(warmUp, { rejected: [], warnings: [] })) void _;
(globalThis as { gc?: () => void }).gc?.();
fs.writeFileSync('/proc/self/clear_refs', '5'); // reset the high-water mark to the current RSS
const base = kb('VmRSS');
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
    file_bytes: fs.statSync(file).size,
    base_rss: base,
    peak_rss: peak,
    cases,
    rejected: report.rejected.length,
    refused,
  }),
);
