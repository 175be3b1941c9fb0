/**
 * Tuning aid (DEV seeds only, never the fresh check half): every check the review asks on generated dev
 * ports, whether the truth faults its field (a planted difference) or not (a look for nothing), with both
 * sides' true and read values and the check's why — what a rule settling doubts must tell apart.
 *
 *   npx tsx test/bench/review-checks-dev.ts [count] [bad] [offset=N] [fresh=tune] [standins=N] [field=pin,btn]
 */
import { doubtKind, scorePort } from './review.bench.js';
import { devToolArgs, devToolPorts } from './dev-tool-args.js';
import { readPort } from './review-ports.js';

const args = devToolArgs();
const fields = args.fields;
const ports = devToolPorts(args);

for (const p of ports) {
  const read = readPort(p);
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
