/**
 * Tuning aid (DEV seeds only): per generated dev port, each check the review asks on a field the truth
 * does not fault (a look for nothing), with every side's truth and reading, the row's reason and the
 * check's candidates — to find why a look was asked where the documents answer it.
 *
 *   npx tsx test/bench/review-dev-quiet.ts [count] [bad] [offset=N] [fresh=tune] [standins=N] [field=F] [planted]
 *   (planted: list the checks on a planted difference instead)
 */
import { extractFields } from '../../electron/core/extract/index.js';
import { doubtKind, scorePort } from './review.bench.js';
import { generatorPorts } from './review-ports.js';

const count = Number(process.argv[2] ?? 100);
const bad = process.argv.includes('bad');
const planted = process.argv.includes('planted');
const offset = Number(process.argv.find((a) => a.startsWith('offset='))?.slice(7) ?? 0);
const only = process.argv.find((a) => a.startsWith('field='))?.slice(6);
const freshArg = process.argv.find((a) => a.startsWith('fresh='))?.slice(6);
if (freshArg && freshArg !== 'tune')
  throw new Error('only fresh=tune may be looked at (the check half is scored only)');
const standinsArg = process.argv.find((a) => a.startsWith('standins='))?.slice(9);
const ports = generatorPorts('dev', count, {
  ...(standinsArg !== undefined ? { standins: Number(standinsArg) } : {}),
  ...(freshArg === 'tune' ? { fresh: 'tune' as const } : {}),
  ...(bad ? { scanShare: 1, noise: 'heavy' as const } : { scanShare: 0.4, noise: 'mild' as const }),
  offset,
});

const tally = new Map<string, number>();
for (const p of ports) {
  const read = {
    loa: extractFields(p.loa.pages, 'loa').fields,
    invoice: extractFields(p.invoice.pages, 'invoice').fields,
    csr: extractFields(p.csr.pages, 'csr').fields,
  };
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
