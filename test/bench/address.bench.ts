/**
 * Address reading cost: the ZIP database's first load (once per process, lazily), then the reader
 * on printed address blocks (lines already laid out), the shared parser and the ZIP check alone.
 * Medians in µs per address; the blocks cover one-line, multi-line, tagged and OCR-slipped shapes.
 */
import { readAddress } from '../../electron/core/extract/address.js';
import { buildLayout } from '../../electron/core/extract/layout.js';
import { checkCityStateZip, zipDatabaseLoadMs } from '../../electron/core/extract/zip.js';
import { parseAddress } from '../../shared/normalize/address.js';
import { pageOf } from '../fixtures/generator/handmade.js';
import { round } from './stats.js';

const BLOCKS: string[][] = [
  ['120 Harbor Dr., Suite 2B, Tampa, FL 33602'],
  ['455 W Temple St Salt Lake City UT 84101'],
  ['12 N Broadway St Louis MO 63102'],
  ['SA 88 PINE ST', 'LA RM 12', 'CTY BOISE ST ID ZIP 83702'],
  ['Acme Corp', 'ROOM 12', '88 Pine St', 'Boise, ID 83702-1234'],
  ['88 Pine St', 'City: Boise  State: ID  Zip: 83702'],
  ['Z471 Franklin Pkwy', 'Spokane WA 99Z28'],
  ['120 Harbor Dr', 'Tampa, FL 38602'],
  ['PO Box 44', 'Tampa FL 33602'],
  ['1 E Las Olas Blvd Fort Lauderdale FL 33301'],
];

function medianMicros(fn: () => unknown, rounds: number): number {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const t = performance.now();
    fn();
    samples.push((performance.now() - t) * 1000);
  }
  samples.sort((a, b) => a - b);
  return round(samples[Math.floor(samples.length / 2)]!);
}

export async function bench(): Promise<object> {
  const first = performance.now();
  const loadMs = zipDatabaseLoadMs();
  const firstCallMs = performance.now() - first;
  const docs = BLOCKS.map((lines) =>
    buildLayout([pageOf(lines.map((t, i) => [72, 100 + i * 12, t] as [number, number, string]))], 'csr'),
  );
  const tokLines = docs.map((d) => d.lines.map((l) => l.toks));
  const texts = BLOCKS.map((b) => b.join('\n'));
  // warm the JIT before measuring
  for (let i = 0; i < 50; i++) for (const l of tokLines) readAddress(l);
  const rounds = 400;
  const read =
    medianMicros(() => {
      for (const l of tokLines) readAddress(l);
    }, rounds) / BLOCKS.length;
  const parse =
    medianMicros(() => {
      for (const t of texts) parseAddress(t);
    }, rounds) / BLOCKS.length;
  const check =
    medianMicros(() => {
      checkCityStateZip('Tampa', 'FL', '38602');
      checkCityStateZip('Salt Lake City', 'UT', '84101');
    }, rounds) / 2;
  return {
    zip_db_first_load_ms: round(loadMs),
    zip_db_first_call_ms: round(firstCallMs),
    read_address_median_us: round(read),
    parse_address_median_us: round(parse),
    zip_check_median_us: round(check),
    blocks: BLOCKS.length,
    heap_mb_after_load: round(process.memoryUsage().heapUsed / 1e6),
  };
}
