/**
 * Tuning aid (DEV seeds only): per generated dev port, each planted difference that did not come
 * out as a predicted rejection and each false prediction, with both sides' values, confidences and
 * the field's reason (why the verdict came out as it did).
 *
 *   npx tsx test/bench/review-dev-detail.ts [count] [bad] [classic] [offset=N] [fresh=tune] [standins=N]
 *   (bad: every port has a heavy scan; classic: the review's own ports from the classic layouts;
 *   offset: further dev ports past the first `count`, for faults the bench's 100 do not show;
 *   fresh=tune: label wordings from the FRESH tune half — never the check half, which is scored only;
 *   standins=N: draw as when N stand-in families existed — standins=0 draws the known families only,
 *   as test ports do, so a dev range looks like the test set's layouts)
 */
import type { FieldComparison } from '../../shared/domain/comparison.js';
import { scorePort } from './review.bench.js';
import { devToolArgs } from './dev-tool-args.js';
import { DEV_SEEDS, generatorPorts, makePorts, readPort } from './review-ports.js';

const { count, opts } = devToolArgs();
const ports = process.argv.includes('classic')
  ? makePorts({ from: DEV_SEEDS.from, count }, opts)
  : generatorPorts('dev', count, opts);

const show = (f: FieldComparison | undefined): string => {
  if (!f) return '  (field not compared)';
  const vals = Object.entries(f.values)
    .map(([src, v]) => `${src}=${JSON.stringify(v)}`)
    .join('  ');
  return `  verdict=${f.verdict}  ${vals}\n  reason: ${f.reason}`;
};

let missed = 0;
let visible = 0;
let falseCases = 0;
for (const p of ports) {
  const read = readPort(p);
  const s = scorePort(p, read);
  const misses = s.visible.filter((c) => !s.caught.includes(c));
  visible += s.visible.length;
  if (!misses.length && !s.falseCodes.length) continue;
  missed += misses.length;
  if (s.falseCodes.length) falseCases++;
  const scanned = (['loa', 'invoice', 'csr'] as const).filter((k) => p[k].scanned);
  console.log(
    `\n=== seed ${p.seed}  layouts ${p.loa.layout}/${p.invoice.layout}/${p.csr.layout}  scanned [${scanned.join(',')}]  near: ${p.nearMiss ?? '-'}`,
  );
  for (const code of [...misses.map((c) => `MISSED ${c}`), ...s.falseCodes.map((c) => `FALSE ${c}`)]) {
    const bare = code.split(' ')[1]!;
    const field = (p.planted.find((x) => x.code === bare)?.field ??
      s.result.predicted_rejections.find((r) => r.code === bare)?.field) as keyof typeof s.result.fields | undefined;
    const f = field ? s.result.fields[field] : undefined;
    console.log(`${code} (${field ?? '?'})`);
    for (const k of ['loa', 'invoice', 'csr'] as const) {
      const truth = field ? (p[k].truth as Record<string, unknown>)[field] : undefined;
      const got = field
        ? (read[k] as Record<string, { value: unknown; confidence: number } | undefined>)[field]
        : undefined;
      console.log(
        `  ${k}: truth=${JSON.stringify(truth)}  read=${got ? `${JSON.stringify(got.value)} @${got.confidence.toFixed(2)}` : '-'}`,
      );
    }
    console.log(show(f));
    const chk = s.result.checks.find((c) => c.field === field);
    if (chk)
      console.log(
        `  check: ${chk.why}  cands=${JSON.stringify(Object.fromEntries(Object.entries(chk.candidates).map(([k, v]) => [k, v.map((x) => `${x.value}@${x.confidence}`)])))}`,
      );
    const rej = s.result.predicted_rejections.find((r) => r.code === bare);
    if (rej) console.log(`  rejection: ${rej.reason}`);
  }
}
console.log(`\nmissed ${missed} of ${visible} visible, cases with a false prediction ${falseCases} of ${ports.length}`);
