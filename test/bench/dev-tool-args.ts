/**
 * The command line the review's tuning aids share (DEV seeds only): `[count] [bad] [offset=N]
 * [fresh=tune] [standins=N] [field=a,b]`, and the dev ports it draws. The fresh CHECK half is refused
 * here, once, because it is scored only: no aid may show its documents.
 */
import { type BenchPort, generatorPorts, SCAN_DRAWS } from './review-ports.js';

export const argOf = (key: string, argv: readonly string[] = process.argv): string | undefined =>
  argv.find((a) => a.startsWith(`${key}=`))?.slice(key.length + 1);

export interface DevToolArgs {
  count: number;
  bad: boolean;
  /** `field=a,b`: only these fields' rows */
  fields: string[] | undefined;
  /** the generator's options for these dev ports (bad: every document a heavy scan) */
  opts: Parameters<typeof generatorPorts>[2];
}

export function devToolArgs(argv: readonly string[] = process.argv): DevToolArgs {
  const fresh = argOf('fresh', argv);
  if (fresh && fresh !== 'tune') throw new Error('only fresh=tune may be looked at (the check half is scored only)');
  const bad = argv.includes('bad');
  const standins = argOf('standins', argv);
  return {
    count: Number(argv[2] ?? 100),
    bad,
    fields: argOf('field', argv)?.split(','),
    opts: {
      ...(standins !== undefined ? { standins: Number(standins) } : {}),
      ...(fresh === 'tune' ? { fresh: 'tune' as const } : {}),
      ...SCAN_DRAWS[bad ? 'bad' : 'mild'],
      offset: Number(argOf('offset', argv) ?? 0),
    },
  };
}

export const devToolPorts = (a: DevToolArgs): BenchPort[] => generatorPorts('dev', a.count, a.opts);
