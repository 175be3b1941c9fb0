import { AppError } from '../../shared/contract/rpc.js';
import type { CliIo } from './args.js';
import { COMMANDS } from './commands/index.js';

/** `portdesk <command…>`: resolves the longest matching command path, loads that command and runs it. */
export async function main(
  argv: string[],
  io: CliIo = { out: (l) => process.stdout.write(l + '\n'), err: (l) => process.stderr.write(l + '\n') },
): Promise<number> {
  if (argv.length === 0 || argv[0] === '--help' || argv[0] === '-h' || argv[0] === 'help') {
    io.out('portdesk — number-porting desk\n\nCommands:');
    for (const c of await Promise.all(COMMANDS.map((entry) => entry.load())))
      io.out(`  ${c.usage.padEnd(70)} ${c.summary}`);
    return argv.length === 0 ? 2 : 0;
  }
  const entry = [...COMMANDS]
    .sort((a, b) => b.path.length - a.path.length)
    .find((c) => c.path.every((w, i) => argv[i] === w));
  if (!entry) {
    io.err(`portdesk: unknown command "${argv.join(' ')}". Run "portdesk --help" for the list.`);
    return 2;
  }
  try {
    const cmd = await entry.load();
    return await cmd.run(argv.slice(entry.path.length), io);
  } catch (err) {
    if (err instanceof AppError) {
      io.err(`portdesk: ${err.message}`);
      return err.code === 'BAD_INPUT' ? 2 : 1;
    }
    io.err(`portdesk: ${(err as Error)?.stack ?? String(err)}`);
    return 1;
  }
}
