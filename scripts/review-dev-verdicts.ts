/**
 * Tuning aid (DEV seeds only): compares every dev port of the review bench's four sets and prints
 * one JSON line per port with each field's verdict, the predicted rejections and the checks, plus
 * compare's CPU median per set on stderr. Diff two runs to prove a change moved only the verdicts
 * it meant to:
 *
 *   npx tsx scripts/review-dev-verdicts.ts [count] > before.jsonl   (default 100 ports a set)
 */
import { compareCase } from '../electron/core/compare/index.js';
import { extractFields } from '../electron/core/extract/index.js';
import { DEV_SEEDS, generatorPorts, makePorts, SCAN_DRAWS, type BenchPort } from '../test/bench/review-ports.js';

const count = Number(process.argv[2] ?? 100);
const LIMITS = { invoiceMaxAgeDays: 365, loaMaxAgeDays: 365 };
const sets: [string, BenchPort[]][] = [
  ['generator', generatorPorts('dev', count, SCAN_DRAWS.mild)],
  ['generator_bad', generatorPorts('dev', count, SCAN_DRAWS.bad)],
  ['mixed', makePorts({ from: DEV_SEEDS.from, count }, SCAN_DRAWS.mild)],
  ['one_bad', makePorts({ from: DEV_SEEDS.from, count }, SCAN_DRAWS.bad)],
];
for (const [name, ports] of sets) {
  const cpu: number[] = [];
  const reads = ports.map((p) => ({
    loa: extractFields(p.loa.pages, 'loa').fields,
    invoice: extractFields(p.invoice.pages, 'invoice').fields,
    csr: extractFields(p.csr.pages, 'csr').fields,
  }));
  // warm the JIT on a few ports as the bench does; every port is then compared once, cold caches and all
  for (const [i, p] of ports.slice(0, 5).entries())
    compareCase({
      ...reads[i]!,
      pages: { loa: p.loa.pages, invoice: p.invoice.pages, csr: p.csr.pages },
      asOf: p.asOf,
    });
  ports.forEach((p, i) => {
    const pages = { loa: p.loa.pages, invoice: p.invoice.pages, csr: p.csr.pages };
    const c0 = process.cpuUsage();
    const r = compareCase({ ...reads[i]!, pages, asOf: p.asOf, limits: LIMITS, gainingCarrier: p.gaining });
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    const fields = Object.fromEntries(Object.entries(r.fields).map(([k, f]) => [k, f.verdict]));
    console.log(
      JSON.stringify({
        set: name,
        seed: p.seed,
        fields,
        rejections: r.predicted_rejections.map((x) => `${x.code}/${x.field}/${x.level}`),
        risks: r.risks.map((x) => `${x.code}/${x.field}`),
        checks: r.checks.map((x) => `${x.field}/${x.code}`),
        banners: r.banners.length,
      }),
    );
  });
  cpu.sort((a, b) => a - b);
  console.error(`${name}: compare CPU median ${cpu[Math.floor(cpu.length / 2)]!.toFixed(2)} ms`);
}
