/**
 * Tuning aid (DEV seeds only): per generated dev port, each check the review asks on a field the truth
 * does not fault (a look for nothing), with every side's truth and reading, the row's reason and the
 * check's candidates — to find why a look was asked where the documents answer it.
 *
 *   npx tsx test/bench/review-dev-quiet.ts [count] [bad] [offset=N] [fresh=tune] [standins=N] [field=F] [planted]
 *   (planted: list the checks on a planted difference instead)
 */
import { doubtKind, scorePort } from './review.bench.js';
import { argOf, devToolArgs, devToolPorts } from './dev-tool-args.js';
import { readPort } from './review-ports.js';

const args = devToolArgs();
const planted = process.argv.includes('planted');
const only = argOf('field');
const ports = devToolPorts(args);

const tally = new Map<string, number>();
for (const p of ports) {
  const read = readPort(p);
  const s = scorePort(p, read);
  const looks = s.result.checks.filter((_, i) => s.checkKinds[i]!.planted === planted);
  if (!looks.length) continue;
  const scanned = (['loa', 'invoice', 'csr'] as const).filter((k) => p[k].scanned);
  for (const c of looks) {
    if (only && c.field !== only) continue;
    const key = `${c.field}: ${doubtKind(c.why)}`;
    tally.set(key, (tally.get(key) ?? 0) + 1);
    console.log(
      `\n=== seed ${p.seed}  layouts ${p.loa.layout}/${p.invoice.layout}/${p.csr.layout}  scanned [${scanned.join(',')}]  planted ${p.planted.map((x) => x.code).join(',') || '-'}`,
    );
    console.log(`CHECK ${c.field}/${c.code}: ${c.why}`);
    for (const k of ['loa', 'invoice', 'csr'] as const) {
      const truth = (p[k].truth as Record<string, unknown>)[c.field];
      const got = (read[k] as Record<string, { value: unknown; confidence: number } | undefined>)[c.field];
      console.log(
        `  ${k}: truth=${JSON.stringify(truth)}  read=${got ? `${JSON.stringify(got.value)} @${got.confidence.toFixed(2)}` : '-'}`,
      );
    }
    const f = (s.result.fields as Record<string, { verdict: string; reason: string } | undefined>)[c.field];
    if (f) console.log(`  verdict=${f.verdict}  reason: ${f.reason}`);
    console.log(
      `  cands=${JSON.stringify(Object.fromEntries(Object.entries(c.candidates).map(([k, v]) => [k, v.map((x) => `${x.value}@${x.confidence}`)])))}`,
    );
  }
}
console.log('\n', Object.fromEntries([...tally].sort((a, b) => b[1] - a[1])));
