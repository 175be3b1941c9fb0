/**
 * Tuning aid (DEV seeds only, never the fresh check half): every check the review asks on generated dev
 * ports, whether the truth faults its field (a planted difference) or not (a look for nothing), with both
 * sides' true and read values and the check's why — what a rule settling doubts must tell apart.
 *
 *   npx tsx test/bench/review-checks-dev.ts [count] [bad] [offset=N] [fresh=tune] [standins=N] [field=pin,btn]
 */
import { extractFields } from '../../electron/core/extract/index.js';
import { doubtKind, scorePort } from './review.bench.js';
import { generatorPorts } from './review-ports.js';

const arg = (k: string) => process.argv.find((a) => a.startsWith(`${k}=`))?.slice(k.length + 1);
const count = Number(process.argv[2] ?? 100);
const freshArg = arg('fresh');
if (freshArg && freshArg !== 'tune')
  throw new Error('only fresh=tune may be looked at (the check half is scored only)');
const bad = process.argv.includes('bad');
const fields = arg('field')?.split(',');
const ports = generatorPorts('dev', count, {
  ...(arg('standins') !== undefined ? { standins: Number(arg('standins')) } : {}),
  ...(freshArg === 'tune' ? { fresh: 'tune' as const } : {}),
  ...(bad ? { scanShare: 1, noise: 'heavy' as const } : { scanShare: 0.4, noise: 'mild' as const }),
  offset: Number(arg('offset') ?? 0),
});

for (const p of ports) {
  const read = {
    loa: extractFields(p.loa.pages, 'loa').fields,
    invoice: extractFields(p.invoice.pages, 'invoice').fields,
    csr: extractFields(p.csr.pages, 'csr').fields,
  };
  const s = scorePort(p, read);
  for (const [i, chk] of s.result.checks.entries()) {
    if (fields && !fields.includes(chk.field)) continue;
    const k = s.checkKinds[i]!;
    const sides = (['loa', 'invoice', 'csr'] as const).map((d) => {
      const truth = (p[d].truth as Record<string, unknown>)[chk.field];
      const got = (read[d] as Record<string, { value: unknown; confidence: number } | undefined>)[chk.field];
      const shown = got ? `${JSON.stringify(got.value)}@${got.confidence.toFixed(2)}` : '-';
      return `${d}${p[d].scanned ? '(scan)' : ''} ${p[d].layout}: truth=${JSON.stringify(truth)} read=${shown}`;
    });
    console.log(
      `${k.planted ? 'PLANTED' : 'NOTHING'} seed ${p.seed} ${chk.field} [${k.kind}] ${chk.why}\n  ${sides.join('\n  ')}`,
    );
  }
}
